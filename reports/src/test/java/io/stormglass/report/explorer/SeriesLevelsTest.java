package io.stormglass.report.explorer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.explorer.SeriesLevels.Level;
import io.stormglass.report.explorer.SeriesLevels.Merge;
import io.stormglass.report.explorer.SeriesLevels.Series;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesLevelsTest {
    @Test
    void eachLevelHalvesTheOneBelowUntilItIsSmall() {
        int n = 3000;
        double[] counts = new double[n];
        double[] maxima = new double[n];
        for (int i = 0; i < n; i++) {
            counts[i] = 1;
            maxima[i] = i == 1234 ? 9.5 : 0.001;
        }
        List<Level> levels = SeriesLevels.build(2.0, n, List.of(new Series("c", "l", "c", "count", Merge.SUM, counts),
                new Series("m", "l", "m", "s", Merge.MAX, maxima)));
        assertEquals(List.of(3000, 1500, 750, 375), levels.stream().map(l -> l.startSeconds().length).toList());
        Level coarsest = levels.get(levels.size() - 1);
        assertEquals(16.0, coarsest.windowSeconds());
        assertTrue(coarsest.startSeconds().length <= SeriesLevels.COARSEST_WINDOWS);
        assertEquals(8.0, coarsest.values().get("c")[0], "a sum keeps the total");
        assertEquals(n, java.util.Arrays.stream(coarsest.values().get("c")).sum(), 1e-9);
        assertEquals(9.5, coarsest.values().get("m")[1234 / 8], "a spike survives every level");
    }

    @Test
    void missingValuesDoNotHideTheirNeighbours() {
        assertArrayEquals(new double[] {2, 3}, SeriesLevels.halve(new double[] {Double.NaN, 2, 3}, Merge.MEAN));
        assertArrayEquals(new double[] {1.5}, SeriesLevels.halve(new double[] {1, 2}, Merge.MEAN));
        assertTrue(Double.isNaN(SeriesLevels.halve(new double[] {Double.NaN, Double.NaN}, Merge.SUM)[0]));
    }
}
