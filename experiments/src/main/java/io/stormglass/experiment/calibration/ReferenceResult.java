package io.stormglass.experiment.calibration;

import java.util.List;

/**
 * What one reference gave.
 *
 * @param id          the reference's id
 * @param title       the reference's one-line title
 * @param rows        its compared figures, in the reference's order
 * @param wallSeconds how long it took on this machine (the only wall-clock figure; it is not compared)
 */
public record ReferenceResult(String id, String title, List<CalibrationRow> rows, double wallSeconds) {
    public ReferenceResult {
        rows = List.copyOf(rows);
    }

    /** Rows whose simulated figure falls outside the tolerance. */
    public long outOfTolerance() {
        return rows.stream().filter(r -> !r.withinTolerance()).count();
    }
}
