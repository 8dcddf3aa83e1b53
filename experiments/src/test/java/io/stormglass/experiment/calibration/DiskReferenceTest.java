package io.stormglass.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The disk reference on the quick budget (5 simulated minutes per seed-000 run): every row within its tolerance. */
class DiskReferenceTest {
    @Test
    void everyDiskRowAgreesWithItsPublishedFigure() throws InterruptedException {
        List<String> progress = new ArrayList<>();
        DiskReference reference = new DiskReference(Path.of("../scenarios"));
        List<CalibrationRow> rows = reference.run(new CalibrationBudget(false, 1), progress::add);
        assertEquals("disks", reference.id());
        assertEquals(16, rows.size());
        StringBuilder misses = new StringBuilder();
        for (CalibrationRow r : rows) {
            // the table, for whoever reads the test output
            System.out.printf("%s | %s | %s | published %s | simulated %.4g %s | ratio %.2f | %s%n", r.group(),
                    r.experiment(), r.quantity(), r.published(), r.simulated(), r.unit(), r.ratio(), r.tolerance().text());
            if (!r.withinTolerance()) {
                misses.append(String.format("%n  %s / %s: published %s, simulated %.3f, tolerance %s", r.experiment(),
                        r.quantity(), r.published(), r.simulated(), r.tolerance().text()));
            }
        }
        assertTrue(misses.length() == 0, "rows outside tolerance:" + misses);
        assertEquals(4, progress.size());
    }
}
