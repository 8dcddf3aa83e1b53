package io.stormglass.experiment.calibration;

import java.util.Objects;

/**
 * One compared figure: what a published measurement says and what the simulator gives for the same
 * setup.
 *
 * @param group      the reference it belongs to, e.g. {@code raft-fig16}, {@code etcd-benchmark}, {@code seed-000}
 * @param experiment the setup in a few words, e.g. {@code 150–155 ms, 5 servers}
 * @param quantity   what is compared, e.g. {@code median failover}, {@code QPS}, {@code fsync p99}
 * @param unit       the unit of both figures, e.g. {@code ms}, {@code QPS}
 * @param published  the published figure, NaN when the source states only a bound (see {@code tolerance})
 * @param simulated  the simulated figure, NaN when the run produced none (e.g. no leader was elected)
 * @param tolerance  the interval the simulated figure must fall in
 * @param source     where the published figure comes from (document, section, figure or table)
 */
public record CalibrationRow(String group, String experiment, String quantity, String unit, double published,
        double simulated, Tolerance tolerance, String source) {
    public CalibrationRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(source, "source");
    }

    /** simulated / published; NaN when either is missing or the published figure is 0. */
    public double ratio() {
        return Double.isNaN(published) || published == 0 ? Double.NaN : simulated / published;
    }

    /** Whether the simulated figure falls within the tolerance. */
    public boolean withinTolerance() {
        return tolerance.accepts(simulated);
    }
}
