package io.stormglass.report.capacity;

/**
 * What can run out first when load grows: the closed family of resources a capacity ramp
 * attributes saturation to, from the utilisations the run recorded.
 */
public enum Resource {
    /** The device holding the leader's {@code wal-dir}: fdatasync per Ready is on the write path. */
    WAL_DEVICE("WAL device"),
    /** The device holding the leader's {@code data-dir} (backend commits, snapshots). */
    DATA_DEVICE("data device"),
    /** The busiest of the leader's threads (raft node loop, raft loop, apply, backend). */
    LEADER_CPU("leader CPU"),
    /** A network link to or from the leader (bandwidth). */
    NETWORK("network"),
    /** A throttle in front of the device (Ceph RBD QoS, a cloud volume's provisioned IOPS). */
    THROTTLE("I/O throttle"),
    /** Another workload's I/O on the same device (a noisy neighbour such as Prometheus). */
    NEIGHBOUR("neighbour I/O"),
    /** No resource was near saturation: the SLO is missed on latency alone (fsync or network round trips). */
    NONE("latency (no saturated resource)");

    private final String label;

    Resource(String label) {
        this.label = label;
    }

    /** Plain words for tables and charts. */
    public String label() {
        return label;
    }
}
