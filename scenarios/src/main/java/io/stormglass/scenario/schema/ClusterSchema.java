package io.stormglass.scenario.schema;

import io.stormglass.net.clock.ClockOptions;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.Flavour;
import io.stormglass.raft.server.MvccOptions;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.model.ClusterSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.RaftSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code cluster:}: etcd's flags under etcd's names and defaults (etcd v3.5,
 * https://etcd.io/docs/v3.5/op-guide/configuration/), the CPU costs of a member, and per-member
 * overrides under {@code members:}.
 */
public final class ClusterSchema {
    private static final long MS = 1_000_000L;
    /** Largest cluster accepted (etcd recommends 3, 5 or 7 members; 9 leaves room for experiments). */
    public static final int MAX_SIZE = 9;
    private static final CpuCosts CPU_COSTS = CpuCosts.defaults();

    private static final Section.Builder<CpuCosts> C = Section.builder("cpu", CpuCosts.defaults());
    public static final Key<CpuCosts, Long> GRPC_REQUEST = C.key("grpc-request", Types.DURATION, CpuCosts::grpcRequestNanos,
            "gRPC server: per client request (decode, dispatch, encode the reply)");
    public static final Key<CpuCosts, Long> GRPC_PER_KIB = C.key("grpc-per-kib", Types.DURATION, CpuCosts::grpcKiBNanos,
            "gRPC server: per KiB of request and reply");
    public static final Key<CpuCosts, Long> GRPC_STREAM_MESSAGE = C.key("grpc-stream-message", Types.DURATION, CpuCosts::grpcStreamMessageNanos,
            "gRPC server: per message on a stream (a lease keepalive)");
    public static final Key<CpuCosts, Long> PROPOSE = C.key("propose", Types.DURATION, CpuCosts::proposeNanos,
            "etcd server: proposing one write (marshal, wait registration)");
    public static final Key<CpuCosts, Long> RANGE = C.key("range", Types.DURATION, CpuCosts::rangeNanos,
            "MVCC: a range read, fixed part");
    public static final Key<CpuCosts, Long> RANGE_KEY = C.key("range-key", Types.DURATION, CpuCosts::rangeKeyNanos,
            "MVCC: per key a range returns");
    public static final Key<CpuCosts, Long> STEP_MESSAGE = C.key("step-message", Types.DURATION, CpuCosts::stepMessageNanos,
            "Raft node loop: per inbound Raft message or proposal");
    public static final Key<CpuCosts, Long> READY = C.key("ready", Types.DURATION, CpuCosts::readyNanos,
            "Raft loop: per Ready handled");
    public static final Key<CpuCosts, Long> PERSIST_ENTRY = C.key("persist-entry", Types.DURATION, CpuCosts::persistEntryNanos,
            "Raft loop: per entry written to the WAL");
    public static final Key<CpuCosts, Long> PEER_MESSAGE = C.key("peer-message", Types.DURATION, CpuCosts::peerMessageNanos,
            "rafthttp: per peer message sent or received");
    public static final Key<CpuCosts, Long> PEER_PER_KIB = C.key("peer-per-kib", Types.DURATION, CpuCosts::peerKiBNanos,
            "rafthttp: per KiB of peer messages");
    public static final Key<CpuCosts, Long> APPLY_ENTRY = C.key("apply-entry", Types.DURATION, CpuCosts::applyEntryNanos,
            "apply loop: per applied entry, fixed part");
    public static final Key<CpuCosts, Long> APPLY_PUT = C.key("apply-put", Types.DURATION, CpuCosts::applyPutNanos,
            "apply loop: per put or delete applied to the key-value store");
    public static final Key<CpuCosts, Long> LEASE = C.key("lease", Types.DURATION, CpuCosts::leaseNanos,
            "lessor: per lease grant, renewal or revocation");
    public static final Key<CpuCosts, Long> COMMIT_KEY = C.key("commit-key", Types.DURATION, CpuCosts::commitKeyNanos,
            "backend: per key written in a batch commit");
    public static final Section<CpuCosts> CPU = C.build();

    private static final Section.Builder<MvccOptions> V = Section.builder("mvcc", MvccOptions.defaults());
    public static final Key<MvccOptions, MvccOptions.AutoCompactionMode> AUTO_COMPACTION_MODE = V.key("auto-compaction-mode",
            Types.choiceOf("periodic", MvccOptions.AutoCompactionMode.PERIODIC, "revision", MvccOptions.AutoCompactionMode.REVISION),
            MvccOptions::autoCompactionMode, "`--auto-compaction-mode`: compact at the revision of one retention ago (`periodic`) "
            + "or keep the last retention revisions (`revision`, checked every 5 minutes)");
    public static final Key<MvccOptions, String> AUTO_COMPACTION_RETENTION = V.key("auto-compaction-retention", Types.TEXT,
            ClusterSchema::retentionText, Default.of("0", "off"), "`--auto-compaction-retention`: periodic: a duration "
            + "(`1h`, `5m`; a bare number is hours, as in etcd); revision: a number of revisions; `0` turns auto-compaction off");
    public static final Key<MvccOptions, Long> QUOTA_BACKEND_BYTES = V.key("quota-backend-bytes", Types.SIZE,
            MvccOptions::quotaBackendBytes, Default.of(0L, "2GiB"), "`--quota-backend-bytes`: past this database file size writes "
            + "fail with `etcdserver: mvcc: database space exceeded` and the NOSPACE alarm is raised; `0`: etcd's 2 GiB");
    public static final Key<MvccOptions, Long> PRELOAD_IN_USE = V.key("preload-in-use", Types.SIZE,
            MvccOptions::preloadInUseBytes, "in-use size of the database at the start, holding keys the workload never touches "
            + "(accounted in size and defragmentation time, not held in memory)");
    public static final Key<MvccOptions, Long> PRELOAD_FREE = V.key("preload-free", Types.SIZE, MvccOptions::preloadFreeBytes,
            "free pages in the database file at the start (compacted history never defragmented): the file is in-use + free");
    public static final Key<MvccOptions, Long> PRELOAD_RECORD_SIZE = V.key("preload-record-size", Types.POSITIVE_SIZE,
            MvccOptions::preloadRecordBytes, "average size of one preloaded record (a defragmentation commits every 10 000)");
    public static final Key<MvccOptions, Long> PAGE_CACHE = V.key("page-cache", Types.SIZE, MvccOptions::pageCacheBytes,
            Default.of(0L, "unlimited: the database is cached"), "memory each member's machine has for the page cache of its "
            + "database file (RAM less etcd's heap and other processes); a defragmentation reads the in-use pages beyond it "
            + "from the data disk, one random 4 KiB page at a time, then reopening the new file (etcd's `MAP_POPULATE`) "
            + "reads what the cache lost of it: all of it when it alone does not fit; `0`: unlimited");
    public static final Section<MvccOptions> MVCC = V.build();

    private static final Section.Builder<MemberSpec> M = Section.builder("member");
    public static final Key<MemberSpec, String> MEMBER_WAL_DISK = M.key("wal-disk", Types.DISK_NAME, MemberSpec::walDevice,
            Default.text("the cluster's"), "as `cluster.wal-disk`, for this member");
    public static final Key<MemberSpec, String> MEMBER_DATA_DISK = M.key("data-disk", Types.DISK_NAME, MemberSpec::dataDevice,
            Default.text("the cluster's"), "as `cluster.data-disk`, for this member");
    public static final Key<MemberSpec, String> REGION = M.key("region", Types.TEXT, m -> m.placement().region(), Default.of("local"),
            "placement: decides default link latencies (same rack 0.1–0.3 ms RTT, same zone 0.5 ms, cross-zone 1 ms, "
            + "cross-region `network.regions` or 50 ms)");
    public static final Key<MemberSpec, String> ZONE = M.key("zone", Types.TEXT, m -> m.placement().zone(), Default.of("local"),
            "placement within the region");
    public static final Key<MemberSpec, String> RACK = M.key("rack", Types.TEXT, m -> m.placement().rack(), Default.of("local"),
            "placement within the zone");
    public static final Key<MemberSpec, Long> CLOCK_DRIFT = M.key("clock-drift", Types.SIGNED_PPM.describedAs("ppm, signed, within ±"
            + ClockOptions.MAX_DRIFT_PPM + "ppm"), m -> m.clock().driftPpm(), Default.of(0L),
            "rate error of the member's clock (+500ppm gains 500 µs per second)");
    public static final Key<MemberSpec, Double> CLOCK_OFFSET = M.key("clock-offset", Types.SIGNED_MILLIS, m -> m.clock().offsetMs(),
            Default.of(0.0), "initial offset of the member's wall clock");
    public static final Section<MemberSpec> MEMBER = M.build();

    /** {@code election-timeout} as written: a duration when the maximum is the flavour's own, else {@code {min, max}}. */
    private static final ValueType<RaftSpec> ELECTION_RANGE = new ValueType<>("duration, or `{min, max}`", (r, key, dflt) -> {
        r.has(key); // read by RaftTimingBinder, which knows the flavour and the tick
        return dflt;
    }, r -> Units.formatDuration(r.electionTimeoutNanos()), (w, key, r) -> {
        if (r.electionTimeoutIsScalar()) {
            w.value(key, Units.formatDuration(r.electionTimeoutNanos()));
        } else {
            w.open(key).value("min", Units.formatDuration(r.electionTimeoutNanos()))
                    .value("max", Units.formatDuration(r.electionTimeoutMaxNanos())).close();
        }
    });

    private static final Section.Builder<ClusterSpec> B = Section.builder("cluster");
    public static final Key<ClusterSpec, Integer> SIZE = B.key("size", Types.ints(1, MAX_SIZE), ClusterSpec::size, Default.of(3),
            "members, ids 1..size");
    public static final Key<ClusterSpec, Integer> SPARE_MEMBERS = B.key("spare-members", Types.ints(0, MAX_SIZE),
            c -> c.spares().isEmpty() ? null : c.spares().size(), Default.text("0 (none)"), "members `size+1..size+spare-members` built with their "
            + "own disks (a per-member disk `vm` gives `vm-n<id>`), placement and network endpoint, but not in the initial cluster and "
            + "not started: the fault timeline's `member-add` and `member-replace` bring them in (etcd's `--initial-cluster-state "
            + "existing`: they start with an empty data dir and catch up by snapshot); overrides under `members:` as for any member");
    public static final Key<ClusterSpec, Flavour> FLAVOUR = B.key("flavour", Types.choiceOf("etcd", Flavour.ETCD, "plain-raft",
            Flavour.PLAIN_RAFT), c -> raft(c).flavour(), Default.of(Flavour.ETCD), "whose rules and defaults apply: `etcd` "
            + "(v3.5: its start-up checks, one tick per heartbeat, PreVote and CheckQuorum on) or `plain-raft` (the Raft paper's "
            + "LogCabin: heartbeat ½ the minimum timeout, no PreVote, no CheckQuorum, etcd's start-up rules lifted with a note)");
    public static final Key<ClusterSpec, Long> TICK_INTERVAL = B.key("tick-interval", Types.POSITIVE_DURATION,
            c -> raft(c).tickIntervalNanos(), Default.text("`heartbeat-interval`; plain-raft: the coarsest of 1ms, 100us, 10us, 1us "
            + "dividing the heartbeat and both timeouts"), "the Raft tick: each member's ticker calls the core this often, at a phase of its own (stream "
            + "`ticker/n<id>`: members boot at different moments); heartbeat and timeout bounds are multiples of it");
    public static final Key<ClusterSpec, Long> HEARTBEAT_INTERVAL = B.key("heartbeat-interval", Types.POSITIVE_DURATION,
            c -> raft(c).heartbeatIntervalNanos(), Default.text("`100ms`; plain-raft: ½ of the minimum `election-timeout`"),
            "`--heartbeat-interval` (etcd: whole ms)");
    /** Read by the timing binder (a duration or {@code {min, max}}); declared here for the docs and the printout. */
    public static final Key<ClusterSpec, RaftSpec> ELECTION_TIMEOUT = B.key("election-timeout", ELECTION_RANGE, ClusterSchema::raft,
            Default.text("`1000ms`; plain-raft: `150ms`"), "`--election-timeout`: the minimum randomized timeout, drawn in "
            + "[T, 2T) (etcd) or [T, 2T] (plain-raft); or `{min: 150ms, max: 155ms}`, both inclusive. etcd: ≥ 5 × "
            + "heartbeat-interval, ≤ 50 s (etcd refuses to start otherwise)");
    public static final Key<ClusterSpec, Long> TIMER_SLACK = B.key("timer-slack", Types.DURATION,
            c -> raft(c).flavour() == Flavour.PLAIN_RAFT ? raft(c).timerSlackNanos() : null,
            Default.text("plain-raft: `50us` (Linux's default for a normal thread, prctl(2) `PR_SET_TIMERSLACK`)"),
            "plain-raft only: the slack of each server's election timer thread, which waits until its deadline and wakes this "
            + "late plus a wake-up latency drawn per firing from a measured distribution (stream `timer-wakeup/n<id>`; "
            + "`TimerWakeup`), then restarts its timeout from that moment; `0us` for a real-time thread. etcd's election "
            + "timer counts ticks and has none");
    public static final Key<ClusterSpec, Boolean> PRE_VOTE = B.key("pre-vote", Types.BOOLEAN, c -> raft(c).preVote(), Default.of(true),
            "`--pre-vote` (default on since etcd 3.5; plain-raft: off)");
    public static final Key<ClusterSpec, Boolean> CHECK_QUORUM = B.key("check-quorum", Types.BOOLEAN, c -> raft(c).checkQuorum(),
            Default.of(true), "CheckQuorum (always on in etcd; plain-raft: off)");
    public static final Key<ClusterSpec, ReadOnlyOption> READ_ONLY = B.key("read-only", Types.choiceOf("safe", ReadOnlyOption.SAFE,
            "lease-based", ReadOnlyOption.LEASE_BASED), c -> raft(c).readOnlyOption(), Default.of(ReadOnlyOption.SAFE),
            "how a leader serves linearizable reads: `safe` (ReadIndex, etcd's only mode: a heartbeat round a quorum "
            + "acknowledges per batch of reads) or `lease-based` (etcd-io/raft's `ReadOnlyLeaseBased`, thesis §6.4.1: answered "
            + "at once while the leader's lease holds, without a round; needs `check-quorum`; sound only while every clock's "
            + "rate error stays within `lease-drift-bound`)");
    public static final Key<ClusterSpec, Long> LEASE_DRIFT_BOUND = B.key("lease-drift-bound", Types.SIGNED_PPM.check(
            v -> v >= 0 && v < 1_000_000, v -> "must be within 0ppm and 999999ppm, got " + v + "ppm", "ppm"),
            c -> raft(c).leaseDriftBoundPpm(), Default.of(RaftConfig.DEFAULT_LEASE_DRIFT_BOUND_PPM),
            "with `read-only: lease-based`: the largest clock rate error the lease allows for; the lease lasts the longest L "
            + "ticks with L·(1+ρ) < (election ticks − 1)·(1−ρ) (at etcd's 10-tick timeout: 7 ticks at the default, 8 at `0ppm`). "
            + "Faults' `clock-drift` beyond it can make lease reads stale");
    public static final Key<ClusterSpec, Long> SNAPSHOT_COUNT = B.key("snapshot-count", Types.longs(1, Long.MAX_VALUE),
            c -> raft(c).snapshotCount(), Default.of(100_000L), "`--snapshot-count`: applied entries between snapshots");
    public static final Key<ClusterSpec, Long> SNAPSHOT_CATCH_UP_ENTRIES = B.key("snapshot-catch-up-entries", Types.longs(1,
            Long.MAX_VALUE), c -> raft(c).snapshotCatchUpEntries(), Default.of(5_000L), "entries kept after a snapshot for slow followers");
    public static final Key<ClusterSpec, Boolean> STRICT_RECONFIG_CHECK = B.key("strict-reconfig-check", Types.BOOLEAN,
            c -> raft(c).strictReconfigCheck(), Default.of(true), "`--strict-reconfig-check`: a member add, promotion or removal that "
            + "would leave fewer started voters than a quorum is refused (`etcdserver: re-configuration failed due to not enough "
            + "started members`)");
    public static final Key<ClusterSpec, Integer> MAX_INFLIGHT_MSGS = B.key("max-inflight-msgs", Types.ints(1, 1 << 20),
            c -> raft(c).maxInflightMsgs(), Default.of(512), "append messages in flight per follower (etcd's `maxInflightMsgs`)");
    public static final Key<ClusterSpec, Long> MAX_SIZE_PER_MSG = B.key("max-size-per-msg", Types.POSITIVE_SIZE,
            c -> raft(c).maxSizePerMsgBytes(), Default.of(1L << 20), "largest append message (etcd's `maxSizePerMsg`)");
    public static final Key<ClusterSpec, Long> BACKEND_BATCH_INTERVAL = B.key("backend-batch-interval", Types.POSITIVE_DURATION,
            c -> raft(c).backendBatchIntervalNanos(), Default.of(100 * MS),
            "`--backend-batch-interval`: the backend commits at least this often");
    public static final Key<ClusterSpec, Integer> BACKEND_BATCH_LIMIT = B.key("backend-batch-limit", Types.ints(1, Integer.MAX_VALUE),
            c -> raft(c).backendBatchLimit(), Default.of(10_000), "`--backend-batch-limit`: … or after this many writes");

    /** Largest {@code cpus} accepted (the biggest cloud VMs have a few hundred vCPUs). */
    public static final int MAX_CPUS = 1024;
    public static final Key<ClusterSpec, Integer> CPUS = B.key("cpus", Types.ints(0, MAX_CPUS),
            c -> raft(c).cpu().cores() == null ? 0 : raft(c).cpu().cores().cpus(), Default.of(CPU_COSTS.cores().cpus()),
            "vCPUs of each member's machine, shared by all its threads first come first served (like GOMAXPROCS); "
            + "`0`: every thread has a core of its own");
    public static final Key<ClusterSpec, Integer> THREADS_PER_CORE = B.key("threads-per-core", Types.ints(1, 2),
            c -> raft(c).cpu().cores() == null ? 1 : raft(c).cpu().cores().threadsPerCore(),
            Default.of(CPU_COSTS.cores().threadsPerCore()), "hyper-threads per physical core (two busy ones do 1.3× one alone); "
            + "at most `cpus`");

    static {
        B.nested("cpu", "mapping", () -> CPU, c -> raft(c).cpu(), Default.of(CPU_COSTS),
                "CPU time per kind of work on a member's vCPUs (below; sources in `CpuCosts`)");
    }

    static {
        B.nested("mvcc", "mapping", () -> MVCC, ClusterSpec::mvcc, Default.of(MvccOptions.defaults()),
                "MVCC history and database space: auto-compaction, space quota, the database at the start (below)");
    }

    public static final Key<ClusterSpec, String> WAL_DISK = B.readOnly("wal-disk", Types.DISK_NAME,
            Default.text("the only per-member disk, else the only disk"), "the disk holding `wal-dir`; a per-member disk `vm` means "
            + "`vm-n<id>` for member `id`; required when there are several disks and a member names none");
    public static final Key<ClusterSpec, String> DATA_DISK = B.readOnly("data-disk", Types.DISK_NAME,
            Default.text("the member's `wal-disk`"), "the disk holding `data-dir` (the backend)");

    static {
        B.map("members", "mapping id → member", MEMBER, ClusterSchema::members, "",
                "per-member overrides, keyed by id (`2: {...}`); ids must exist, spares included (below)");
    }

    public static final Section<ClusterSpec> CLUSTER = B.build();

    private ClusterSchema() {
    }

    /** etcd's text of a retention: a duration in periodic mode, a number of revisions in revision mode. */
    public static String retentionText(MvccOptions o) {
        if (o.autoCompactionRetention() == 0) {
            return "0";
        }
        return o.autoCompactionMode() == MvccOptions.AutoCompactionMode.REVISION
                ? Long.toString(o.autoCompactionRetention()) : Units.formatDuration(o.autoCompactionRetention());
    }

    private static RaftSpec raft(ClusterSpec c) {
        return c.raft();
    }

    private static Map<String, MemberSpec> members(ClusterSpec c) {
        Map<String, MemberSpec> out = new LinkedHashMap<>();
        c.allMembers().forEach(m -> out.put(String.valueOf(m.id()), m));
        return out;
    }
}
