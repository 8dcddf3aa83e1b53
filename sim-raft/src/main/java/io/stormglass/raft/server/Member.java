package io.stormglass.raft.server;

import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.SoftState;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.server.internal.DbSpace;
import io.stormglass.raft.server.internal.Incarnation;
import io.stormglass.raft.server.internal.MemberMetrics;
import io.stormglass.raft.server.internal.SnapshotStates;
import io.stormglass.raft.server.internal.ThreadCpuGauges;
import java.util.function.Consumer;

/**
 * One etcd member on the simulated clock: the Raft core, the WAL, the KV state machine, the
 * backend and the request handlers, on four simulated threads (raft node, raft loop, apply,
 * backend), as in etcd's server.
 *
 * <p>Lifecycle: {@link #start()} boots from the member's disks (a fresh WAL when they are empty);
 * {@link #crash(String)} kills the process (what the disks keep is the file systems' business:
 * a power loss is {@code SimFileSystem.crash}); {@link #start()} again recovers from the WAL and
 * the newest snapshot. A fatal error (a failed fdatasync) crashes the member as etcd's
 * {@code lg.Fatal} would; it stays down until started again.
 */
public final class Member {
    /** The reason a member that applied its own removal stops with (etcd's text). */
    public static final String REMOVED = TimelineEvent.NodeCrashed.REMOVED;
    private final MemberConfig config;
    private final MemberEnvironment env;
    private final MemberMetrics metrics;
    /** The database file's page accounting: the file outlives the process. */
    private final DbSpace space;
    /** The key-value state of each snapshot on the disks (what the database file holds): it outlives the process too. */
    private final SnapshotStates snapshotStates = new SnapshotStates();
    private Incarnation current;
    private String downReason = "not started";

    public Member(MemberConfig config, MemberEnvironment env) {
        this.config = config;
        this.env = env;
        this.metrics = new MemberMetrics(env.recorder(), config.label());
        ThreadCpuGauges.register(env.recorder(), env.scheduler(), config.label(), () -> current, config.cpu().cores() != null);
        this.space = new DbSpace(config.mvcc());
        registerSpaceGauges(env.recorder(), config);
    }

    public int id() {
        return config.id();
    }

    public MemberConfig config() {
        return config;
    }

    /**
     * Starts the member process, recovering from its disks.
     *
     * @return false if the durable state could not be recovered (the reason is logged; the member stays down)
     */
    public boolean start() {
        if (current != null) {
            throw new IllegalStateException("member " + config.id() + " is already running");
        }
        boolean restart = !"not started".equals(downReason);
        Incarnation inc;
        try {
            inc = new Incarnation(config, env, metrics, space, snapshotStates, reason -> crash("fatal: " + reason), this::crash);
        } catch (Incarnation.BootException e) {
            downReason = "cannot boot: " + e.getMessage();
            env.logSink().accept("{\"level\":\"fatal\",\"member\":\"" + config.label() + "\",\"msg\":\"failed to recover\",\"error\":\""
                    + e.getMessage().replace("\"", "'") + "\"}");
            return false;
        }
        current = inc;
        env.transport().register(config.id(), inc::onMessage);
        long now = env.scheduler().nowNanos();
        if (restart) {
            env.recorder().timeline().append(new TimelineEvent.NodeRestarted(now, config.id()));
        }
        env.recorder().timeline().append(new TimelineEvent.RoleChanged(now, config.id(), NodeRole.FOLLOWER, inc.term()));
        inc.start();
        return true;
    }

    /** Kills the process. Does nothing if it is already down. */
    public void crash(String reason) {
        if (current == null) {
            return;
        }
        current.kill();
        current = null;
        downReason = reason;
        env.transport().unregister(config.id());
        long now = env.scheduler().nowNanos();
        env.recorder().timeline().append(new TimelineEvent.NodeCrashed(now, config.id(), reason));
        env.recorder().timeline().append(new TimelineEvent.RoleChanged(now, config.id(), NodeRole.DOWN, 0));
    }

    /** Whether the member was ever started (a spare that was never added was not). */
    public boolean hasStarted() {
        return current != null || !"not started".equals(downReason);
    }

    /** Whether the member stopped because it applied its own removal from the cluster (it stays down). */
    public boolean removed() {
        return current == null && REMOVED.equals(downReason);
    }

    public boolean isUp() {
        return current != null;
    }

    /** Why the member is down (empty while it is up). */
    public String downReason() {
        return current == null ? downReason : "";
    }

    /** Role and known leader; a down member reports a follower that knows no leader. */
    public SoftState softState() {
        return current == null ? new SoftState(0, StateRole.FOLLOWER) : current.softState();
    }

    public boolean isLeader() {
        return current != null && current.isLeader();
    }

    public long term() {
        return current == null ? 0 : current.term();
    }

    /** Index of the last entry applied to the state machine (0 while down). */
    public long appliedIndex() {
        return current == null ? 0 : current.appliedIndex();
    }

    /** The configuration this member has applied (etcd's {@code ConfState}); empty while down. */
    public ConfState configuration() {
        return current == null ? ConfState.EMPTY : current.configuration();
    }

    /** The state machine, for checks and serializable inspection; null while down. */
    public KvStore kv() {
        return current == null ? null : current.kv();
    }

    /**
     * Asks this member to start an election now (etcd's {@code raft.Node.Campaign}; LogCabin's
     * {@code --bootstrap} makes its first server the first leader the same way). Does nothing while down.
     */
    public void campaign() {
        if (current != null) {
            current.campaign();
        }
    }

    /**
     * An operator's membership command sent to this member (etcdctl {@code member ...} against its endpoint);
     * {@code done} hears the outcome once: applied, refused with etcd's error text, or timed out. A member
     * that is down answers at once that it is not the leader.
     */
    public void changeMembership(MemberOperation op, int id, Consumer<MemberChangeResult> done) {
        if (current == null) {
            done.accept(MemberChangeResult.failed(EtcdErrors.NOT_LEADER));
            return;
        }
        current.changeMembership(op, id, done);
    }

    /**
     * Starts an online defragmentation of this member's database (etcd's {@code Maintenance.Defragment}).
     *
     * @return false when the member is down or already defragmenting
     */
    public boolean defragment() {
        return defragment(() -> { });
    }

    /** As {@link #defragment()}, running {@code whenDone} once it finished (never if the member crashes first). */
    public boolean defragment(Runnable whenDone) {
        return current != null && current.defragment(whenDone);
    }

    /** Compacts the history at this member's current revision, proposed through it ({@code etcdctl compact}). */
    public void compactNow() {
        if (current != null) {
            current.proposeAsOperator(new KvCommand.Compact(current.kv().revision()));
        }
    }

    /** Disarms every NOSPACE alarm, proposed through this member ({@code etcdctl alarm disarm}). */
    public void disarmAlarms() {
        if (current != null) {
            current.proposeAsOperator(new KvCommand.Alarm(false, 0));
        }
    }

    /** The database file's size in bytes (etcd's {@code etcd_mvcc_db_total_size_in_bytes}). */
    public long dbTotalBytes() {
        return space.totalBytes();
    }

    /** The database's in-use size in bytes (etcd's {@code etcd_mvcc_db_total_size_in_use_in_bytes}). */
    public long dbInUseBytes() {
        return space.inUseBytes();
    }

    private void registerSpaceGauges(Recorder recorder, MemberConfig c) {
        String m = c.label();
        recorder.gauge(Metric.DB_TOTAL_SIZE.id(m), space::totalBytes);
        recorder.gauge(Metric.DB_TOTAL_SIZE_IN_USE.id(m), space::inUseBytes);
        recorder.gauge(Metric.QUOTA_BACKEND_BYTES.id(m), () -> c.mvcc().effectiveQuotaBytes());
        recorder.gauge(Metric.DEFRAG_INFLIGHT.id(m),
                () -> current != null && current.defragmenting() ? 1 : 0);
        recorder.gauge(Metric.NOSPACE_ALARMS.id(m),
                () -> current == null ? 0 : current.kv().noSpaceAlarms().size());
        recorder.gauge(Metric.WATCHERS.id(m),
                () -> current == null ? 0 : current.watchStore().watcherCount());
        recorder.gauge(Metric.SLOW_WATCHERS.id(m),
                () -> current == null ? 0 : current.watchStore().takeSlowWatcherPeak());
        recorder.gauge(Metric.WATCH_PENDING_EVENTS.id(m),
                () -> current == null ? 0 : current.watchStore().pendingEventsTotal());
    }

    /**
     * The voter etcd would hand leadership to before this member stops gracefully: its
     * {@code longestConnected} (server/etcdserver/util.go), the voter whose connection to this member has been
     * active the longest; 0 if this member is down or no other voter is connected.
     */
    public int longestConnectedVoter() {
        return current == null ? 0 : current.longestConnectedVoter();
    }

    /** Asks this member, if leader, to hand leadership to {@code to} (thesis §3.10). */
    public void transferLeadership(int to) {
        if (current != null) {
            current.transferLeadership(to);
        }
    }
}
