package io.stormglass.report.internal.analysis;

/** The metric names of common.md that the report reads (latencies in nanoseconds, named in seconds). */
public final class MetricNames {
    public static final String WAL_FSYNC = "etcd_disk_wal_fsync_duration_seconds";
    public static final String BACKEND_COMMIT = "etcd_disk_backend_commit_duration_seconds";
    public static final String HEARTBEAT_FAILURES = "etcd_server_heartbeat_send_failures_total";
    public static final String CLIENT_DURATION = "client_request_duration_seconds";
    public static final String CLIENT_REQUESTS = "client_requests_total";
    public static final String CLIENT_ERRORS = "client_errors_total";
    public static final String DISK_UTILISATION = "disk_utilisation_ratio";
    public static final String DISK_QUEUE_DEPTH = "disk_queue_depth";
    public static final String DISK_BUSY = "disk_busy_nanos_total";

    public static final String MEMBER = "member";
    public static final String OP = "op";
    public static final String ERROR = "error";
    public static final String DEVICE = "device";
    public static final String ISSUER = "issuer";

    private MetricNames() {
    }
}
