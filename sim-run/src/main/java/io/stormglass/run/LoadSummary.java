package io.stormglass.run;

/**
 * The measured load as etcd's {@code benchmark} tool reports it: the requests issued after any load
 * phase, their mean latency, and requests per second over the time from the first request to the
 * last answer (the tool's {@code Requests/sec} and {@code Average}).
 *
 * @param requests          measured requests that ended (answered or failed)
 * @param succeeded         of which answered without error
 * @param latencySumNanos   sum of the latencies of the successful ones
 * @param firstStartNanos   when the first measured request was issued (-1 if none)
 * @param lastEndNanos      when the last measured request ended (-1 if none)
 */
public record LoadSummary(long requests, long succeeded, long latencySumNanos, long firstStartNanos, long lastEndNanos) {
    public static final LoadSummary NONE = new LoadSummary(0, 0, 0, -1, -1);

    /** Requests per second over the measured span; NaN without requests. */
    public double requestsPerSecond() {
        long span = lastEndNanos - firstStartNanos;
        return requests == 0 || span <= 0 ? Double.NaN : requests * 1e9 / span;
    }

    /** Mean latency of the successful requests in nanoseconds; NaN without any. */
    public double meanLatencyNanos() {
        return succeeded == 0 ? Double.NaN : (double) latencySumNanos / succeeded;
    }
}
