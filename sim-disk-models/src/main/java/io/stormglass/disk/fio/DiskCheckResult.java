package io.stormglass.disk.fio;

import java.util.Locale;

/**
 * The outcome of {@link DiskCheck}: fdatasync latency percentiles in nanoseconds, the write rate
 * of the loop, and the verdict against etcd's guidance.
 *
 * @param fdatasyncs number of write+fdatasync iterations
 * @param p50Nanos   median fdatasync latency
 * @param p99Nanos   99th percentile
 * @param p999Nanos  99.9th percentile
 * @param maxNanos   slowest fdatasync
 * @param meanNanos  mean fdatasync latency
 * @param iops       iterations per second of virtual time (fio's write IOPS for this recipe)
 * @param verdict    against etcd's guidance
 */
public record DiskCheckResult(long fdatasyncs, long p50Nanos, long p99Nanos, long p999Nanos, long maxNanos,
        double meanNanos, double iops, Verdict verdict) {

    /** etcd's guidance: WAL fdatasync p99 under 10 ms; at least 50 sequential IOPS, 500 for heavy load. */
    public enum Verdict {
        HEAVY_LOAD_OK("passes: p99 < 10 ms and >= 500 IOPS (fit for heavy load)"),
        OK("passes: p99 < 10 ms and >= 50 IOPS (too slow for heavy load: < 500 IOPS)"),
        TOO_SLOW("fails etcd's guidance: needs fdatasync p99 < 10 ms and >= 50 sequential IOPS");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        static Verdict of(long p99Nanos, double iops) {
            if (p99Nanos >= 10_000_000L || iops < 50) {
                return TOO_SLOW;
            }
            return iops >= 500 ? HEAVY_LOAD_OK : OK;
        }
    }

    /** A human-readable report, fio-style units. */
    public String render() {
        return String.format(Locale.ROOT,
                "fdatasyncs: %d%n  p50:   %10.3f ms%n  p99:   %10.3f ms%n  p99.9: %10.3f ms%n  max:   %10.3f ms%n"
                        + "  mean:  %10.3f ms%nIOPS: %.1f%nverdict: %s%n",
                fdatasyncs, p50Nanos / 1e6, p99Nanos / 1e6, p999Nanos / 1e6, maxNanos / 1e6, meanNanos / 1e6, iops,
                verdict.text());
    }
}
