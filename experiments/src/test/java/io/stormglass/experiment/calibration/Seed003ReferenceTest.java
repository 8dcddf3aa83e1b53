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
    void addedRoundTripsOfTenAndThirtyMillisecondsGiveTheSeedsLatenciesWithinFifteenPercent() throws Exception {
        List<String> progress = new ArrayList<>();
        List<CalibrationRow> rows = new Seed003Reference().run(new CalibrationBudget(false, 2), progress::add);
        assertEquals(3, rows.size());
        // the +0 ms row measures the disk the seed does not name (the SATA SSD model, not yet calibrated against a
        // published run): a known gap held to a factor of two; the added round trips must be within tolerance
        assertTrue(rows.get(0).ratio() > 0.5 && rows.get(0).ratio() < 2, rows.get(0).experiment() + ": " + rows.get(0).simulated());
        for (CalibrationRow r : rows.subList(1, rows.size())) {
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
