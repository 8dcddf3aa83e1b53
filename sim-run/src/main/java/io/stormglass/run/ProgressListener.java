package io.stormglass.run;

/** Hears how a run advances, between chunks of simulation (never from inside it). */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param simulatedNanos simulated time reached
     * @param totalNanos     simulated time the run will reach
     * @param wallSeconds    wall-clock seconds since the run started
     * @param events         events dispatched so far
     */
    void progress(long simulatedNanos, long totalNanos, double wallSeconds, long events);

    ProgressListener NONE = (s, t, w, e) -> { };
}
