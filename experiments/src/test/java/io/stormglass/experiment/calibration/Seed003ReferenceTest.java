package io.stormglass.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Seed003ReferenceTest {
    @Test
    void addedRoundTripsOfZeroTenAndThirtyMillisecondsGiveTheSeedsLatenciesWithinFifteenPercent() throws Exception {
        List<String> progress = new ArrayList<>();
        List<CalibrationRow> rows = new Seed003Reference().run(new CalibrationBudget(false, 2), progress::add);
        assertEquals(3, rows.size());
        for (CalibrationRow r : rows) {
            assertTrue(r.withinTolerance(), r.experiment() + ": published " + r.published() + " ms, simulated "
                    + r.simulated() + " ms\n" + String.join("\n", progress));
        }
        assertTrue(rows.get(2).simulated() - rows.get(0).simulated() > 25, "30 ms of round trip adds about 30 ms");
    }

    @Test
    void theReferenceRunsTheLibraryScenarioItself() throws Exception {
        byte[] library = Files.readAllBytes(Path.of("..", "scenarios", "client-added-latency.yaml"));
        try (InputStream in = Seed003Reference.class.getResourceAsStream(Seed003Reference.SCENARIO)) {
            assertArrayEquals(library, in.readAllBytes(), "seed-003.yaml must be a copy of scenarios/client-added-latency.yaml");
        }
    }
}
