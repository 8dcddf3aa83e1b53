package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.LatencyRecorder;

/** Whole-run latency figures of one series, in nanoseconds. */
public record LatencyStats(long count, long p50Nanos, long p99Nanos, long maxNanos) {
    public static LatencyStats of(LatencyRecorder l) {
        return new LatencyStats(l.count(), l.percentileNanos(50), l.percentileNanos(99), l.maxNanos());
    }
}
