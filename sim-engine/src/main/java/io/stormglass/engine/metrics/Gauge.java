package io.stormglass.engine.metrics;

import java.util.function.DoubleSupplier;

/**
 * A value sampled at the end of every window (queue depth, utilisation, bytes used). The
 * sampler runs on the simulation loop and must not have side effects on the simulation.
 */
public final class Gauge {
    private final MetricId id;
    private final DoubleSupplier sampler;
    private final WindowedSeries windows;

    Gauge(MetricId id, DoubleSupplier sampler, int maxWindows) {
        this.id = id;
        this.windows = new WindowedSeries(maxWindows, WindowedSeries.Merge.MAX);
        this.sampler = sampler;
    }

    public MetricId id() {
        return id;
    }

    /** The current value, sampled now. */
    public double sample() {
        return sampler.getAsDouble();
    }

    public int windowCount() {
        return windows.rows();
    }

    /** The value sampled at the end of window {@code i} (after coarsening, the larger of the merged samples). */
    public double windowValue(int i) {
        return windows.get(i, 0);
    }

    void closeWindow(int index) {
        windows.padTo(index);
        windows.append(sampler.getAsDouble());
    }

    void coarsen() {
        windows.coarsen();
    }
}
