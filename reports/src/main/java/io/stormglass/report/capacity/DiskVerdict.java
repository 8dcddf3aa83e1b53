package io.stormglass.report.capacity;

/**
 * etcd's disk guidance applied to a profile's WAL device (the {@code disk-check} recipe: 2300-byte
 * writes each followed by fdatasync): p99 under 10 ms and at least 50 sequential IOPS, 500 for
 * heavy load.
 *
 * @param fdatasyncP99Ms p99 fdatasync latency of the check, milliseconds
 * @param iops           write+fdatasync iterations per second
 * @param passes         whether it meets the minimum (p99 < 10 ms, >= 50 IOPS)
 * @param heavyLoad      whether it also meets the heavy-load bar (>= 500 IOPS)
 * @param text           the verdict in words
 */
public record DiskVerdict(double fdatasyncP99Ms, double iops, boolean passes, boolean heavyLoad, String text) implements java.io.Serializable {
}
