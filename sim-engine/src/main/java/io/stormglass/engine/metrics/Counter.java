package io.stormglass.engine.metrics;

/** A monotonically increasing count, with its increments per window. */
public final class Counter {
    private final MetricId id;
    private final WindowedSeries windows;
    private long total;
    private long inWindow;

    Counter(MetricId id, int maxWindows) {
        this.id = id;
        this.windows = new WindowedSeries(maxWindows, WindowedSeries.Merge.SUM);
    }

    public MetricId id() {
        return id;
    }

    public void increment() {
        total++;
        inWindow++;
    }

    public void add(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("counters only grow: " + amount);
        }
        total += amount;
        inWindow += amount;
    }

    /** Total since the start of the run. */
    public long total() {
        return total;
    }

    /** Number of closed windows. */
    public int windowCount() {
        return windows.rows();
    }

    /** Increments in closed window {@code i}. */
    public long windowValue(int i) {
        return (long) windows.get(i, 0);
    }

    void closeWindow(int index) {
        windows.padTo(index);
        windows.append(inWindow);
        inWindow = 0;
    }

    void coarsen() {
        windows.coarsen();
    }
}
