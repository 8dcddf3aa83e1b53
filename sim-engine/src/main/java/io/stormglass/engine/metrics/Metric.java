package io.stormglass.engine.metrics;

import static io.stormglass.engine.metrics.Label.DEVICE;
import static io.stormglass.engine.metrics.Label.ERROR;
import static io.stormglass.engine.metrics.Label.FROM;
import static io.stormglass.engine.metrics.Label.ISSUER;
import static io.stormglass.engine.metrics.Label.MEMBER;
import static io.stormglass.engine.metrics.Label.OP;
import static io.stormglass.engine.metrics.Label.REASON;
import static io.stormglass.engine.metrics.Label.THREAD;
import static io.stormglass.engine.metrics.Label.TO;
import static io.stormglass.engine.metrics.Label.TRAFFIC_CLASS;

import java.util.List;

/**
 * Every metric a run records, declared once: its exported name, what kind of series it is and its
 * labels in order. Producers build ids with {@link #id(String...)}, readers recognise them with
 * {@link #is(MetricId)}; neither spells a name. Names follow etcd's where etcd has the metric
 * ({@code etcd_disk_wal_fsync_duration_seconds}), Prometheus conventions otherwise. Latencies are
 * recorded in nanoseconds and named in seconds, as etcd exports them.
 */
public enum Metric {
    WAL_FSYNC_DURATION("etcd_disk_wal_fsync_duration_seconds", Kind.LATENCY, MEMBER),
    BACKEND_COMMIT_DURATION("etcd_disk_backend_commit_duration_seconds", Kind.LATENCY, MEMBER),
    LEADER_CHANGES_SEEN("etcd_server_leader_changes_seen_total", Kind.COUNTER, MEMBER),
    HEARTBEAT_SEND_FAILURES("etcd_server_heartbeat_send_failures_total", Kind.COUNTER, MEMBER),
    SLOW_READ_INDEXES("etcd_server_slow_read_indexes_total", Kind.COUNTER, MEMBER),
    READ_INDEXES_FAILED("etcd_server_read_indexes_failed_total", Kind.COUNTER, MEMBER),
    PROPOSALS_FAILED("etcd_server_proposals_failed_total", Kind.COUNTER, MEMBER),
    PROPOSALS_APPLIED("etcd_server_proposals_applied_total", Kind.COUNTER, MEMBER),
    SLOW_APPLIES("etcd_server_slow_apply_total", Kind.COUNTER, MEMBER),
    WAL_SLOW_FDATASYNCS("etcd_disk_wal_slow_fdatasync_total", Kind.COUNTER, MEMBER),
    IS_LEARNER("etcd_server_is_learner", Kind.GAUGE, MEMBER),
    LEARNER_PROMOTE_SUCCESSES("etcd_server_learner_promote_successes", Kind.COUNTER, MEMBER),
    LEARNER_PROMOTE_FAILURES("etcd_server_learner_promote_failures", Kind.COUNTER, MEMBER),
    FOLLOWER_HEARTBEAT_GAP("stormglass_follower_heartbeat_gap_seconds", Kind.LATENCY, MEMBER),
    RAFT_TICKS_DROPPED("stormglass_raft_ticks_dropped_total", Kind.COUNTER, MEMBER),
    DEFRAG_DURATION("etcd_disk_backend_defrag_duration_seconds", Kind.LATENCY, MEMBER),
    DEFRAG_INFLIGHT("etcd_disk_defrag_inflight", Kind.GAUGE, MEMBER),
    DB_TOTAL_SIZE("etcd_mvcc_db_total_size_in_bytes", Kind.GAUGE, MEMBER),
    DB_TOTAL_SIZE_IN_USE("etcd_mvcc_db_total_size_in_use_in_bytes", Kind.GAUGE, MEMBER),
    QUOTA_BACKEND_BYTES("etcd_server_quota_backend_bytes", Kind.GAUGE, MEMBER),
    WATCHERS("etcd_debugging_mvcc_watcher_total", Kind.GAUGE, MEMBER),
    /** Unsynced and victim watchers: here the most at once within each window, so a short catch-up shows. */
    SLOW_WATCHERS("etcd_debugging_mvcc_slow_watcher_total", Kind.GAUGE, MEMBER),
    /** Events handed to watch streams since the process started (etcd's counter; sampled here, per incarnation). */
    WATCH_PENDING_EVENTS("etcd_debugging_mvcc_pending_events_total", Kind.GAUGE, MEMBER),
    NOSPACE_ALARMS("stormglass_nospace_alarms", Kind.GAUGE, MEMBER),
    /** From posting a database snapshot to the receiver's answer (etcd's rafthttp, labelled by peer as {@code to}). */
    SNAPSHOT_SEND_DURATION("etcd_network_snapshot_send_total_duration_seconds", Kind.LATENCY, MEMBER, TO),
    SNAPSHOT_SEND_SUCCESS("etcd_network_snapshot_send_success", Kind.COUNTER, MEMBER, TO),
    /** Snapshots given up on: no answer in time (the simulation cannot see a broken connection). */
    SNAPSHOT_SEND_FAILURES("etcd_network_snapshot_send_failures", Kind.COUNTER, MEMBER, TO),
    /** From a snapshot POST's arrival to its answer: saving the database file and stepping the message. */
    SNAPSHOT_RECEIVE_DURATION("etcd_network_snapshot_receive_total_duration_seconds", Kind.LATENCY, MEMBER, FROM),
    SNAPSHOT_RECEIVE_SUCCESS("etcd_network_snapshot_receive_success", Kind.COUNTER, MEMBER, FROM),
    MEMBER_THREAD_CPU_UTILISATION("member_thread_cpu_utilisation_ratio", Kind.GAUGE, MEMBER, THREAD),

    CLIENT_REQUESTS("client_requests_total", Kind.COUNTER, OP),
    CLIENT_REQUEST_DURATION("client_request_duration_seconds", Kind.LATENCY, OP),
    CLIENT_WATCH_EVENTS("client_watch_events_received_total", Kind.COUNTER),
    CLIENT_ERRORS("client_errors_total", Kind.COUNTER, ERROR),

    DISK_QUEUE_DEPTH("disk_queue_depth", Kind.GAUGE, DEVICE),
    DISK_UTILISATION("disk_utilisation_ratio", Kind.GAUGE, DEVICE),
    DISK_IO_DURATION("disk_io_duration_seconds", Kind.LATENCY, DEVICE, ISSUER, OP),
    DISK_IOS("disk_ios_total", Kind.COUNTER, DEVICE, ISSUER, OP),
    DISK_BYTES("disk_bytes_total", Kind.COUNTER, DEVICE, ISSUER, OP),
    DISK_BUSY_NANOS("disk_busy_nanos_total", Kind.COUNTER, DEVICE, ISSUER),
    DISK_THROTTLE_WAIT("disk_throttle_wait_seconds", Kind.LATENCY, DEVICE, ISSUER),
    RAID_MEMBER_IOS("raid_member_ios_total", Kind.COUNTER, DEVICE, OP),
    DISK_CHECK_FDATASYNC("disk_check_fdatasync_seconds", Kind.LATENCY, DEVICE),

    NET_DELIVERY("net_delivery_seconds", Kind.LATENCY, FROM, TO),
    NET_MESSAGES("net_messages_total", Kind.COUNTER, FROM, TO, TRAFFIC_CLASS),
    NET_MESSAGES_DROPPED("net_messages_dropped_total", Kind.COUNTER, FROM, TO, REASON),
    NET_LINK_UTILISATION("net_link_utilisation_ratio", Kind.GAUGE, FROM, TO);

    /** How a metric's series is recorded. */
    public enum Kind { COUNTER, GAUGE, LATENCY }

    private final String exportedName;
    private final Kind kind;
    private final List<Label> labels;

    Metric(String exportedName, Kind kind, Label... labels) {
        this.exportedName = exportedName;
        this.kind = kind;
        this.labels = List.of(labels);
    }

    /** The name in exports ({@code metrics.csv}, OpenMetrics). */
    public String exportedName() {
        return exportedName;
    }

    public Kind kind() {
        return kind;
    }

    /** The labels, in the order {@link #id(String...)} takes their values. */
    public List<Label> labels() {
        return labels;
    }

    /**
     * The id of one series of this metric.
     *
     * @param labelValues one value per label of {@link #labels()}, in that order
     */
    public MetricId id(String... labelValues) {
        if (labelValues.length != labels.size()) {
            throw new IllegalArgumentException(exportedName + " takes labels " + labels + ", got " + labelValues.length + " values");
        }
        String[] keyValues = new String[2 * labelValues.length];
        for (int i = 0; i < labelValues.length; i++) {
            keyValues[2 * i] = labels.get(i).key();
            keyValues[2 * i + 1] = labelValues[i];
        }
        return MetricId.of(exportedName, keyValues);
    }

    /** Whether {@code id} is a series of this metric. */
    public boolean is(MetricId id) {
        return exportedName.equals(id.name());
    }

    /** The value of {@code label} in {@code id}, or null. */
    public static String label(MetricId id, Label label) {
        return id.label(label.key());
    }
}
