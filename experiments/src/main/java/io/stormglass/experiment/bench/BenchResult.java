package io.stormglass.experiment.bench;

/**
 * One measured case.
 *
 * @param name             the case, e.g. {@code incident-24h}
 * @param runs             simulations run (a fuzz case runs one per seed; 0 for the microbenchmark)
 * @param events           events dispatched, over every run
 * @param wallSeconds      wall-clock time of the case, in seconds
 * @param simulatedSeconds simulated time over every run, in seconds (0 for the microbenchmark)
 * @param peakHeapBytes    the largest heap in use while the case ran (JVM-wide, from the memory pools' peaks)
 * @param fingerprint      the last run's fingerprint, so that a speed-up can be checked to change nothing ("" if none)
 */
public record BenchResult(String name, int runs, long events, double wallSeconds, double simulatedSeconds,
        long peakHeapBytes, String fingerprint) {

    /** Dispatched events per wall-clock second. */
    public double eventsPerSecond() {
        return events / Math.max(1e-9, wallSeconds);
    }

    /** Simulated seconds per wall-clock second (0 for the microbenchmark). */
    public double timesRealTime() {
        return simulatedSeconds / Math.max(1e-9, wallSeconds);
    }
}
