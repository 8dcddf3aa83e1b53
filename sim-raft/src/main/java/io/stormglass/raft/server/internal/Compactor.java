package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.server.MvccOptions;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * etcd's auto-compactor ({@code --auto-compaction-mode}, server/etcdserver/api/v3compactor): it
 * runs on every member but acts only while the member leads (etcd pauses it on followers), and
 * proposes a {@link KvCommand.Compact} through Raft.
 * <ul>
 *   <li>{@code periodic} (periodic.go): every tenth of the retention (at most every 6 minutes, a
 *       tenth of an hour) it records the current revision, keeping the last {@code retention / interval + 1};
 *       once a retention has passed since the last compaction it compacts at the oldest recorded one;</li>
 *   <li>{@code revision} (revision.go): every 5 minutes it compacts at {@code current − retention}, when
 *       that is positive and differs from the last.</li>
 * </ul>
 * A compaction at a revision already compacted fails with {@code ErrCompacted}, which etcd counts as done.
 */
final class Compactor {
    private static final EventKind TICK = EventKind.named("member.auto-compaction");
    /** revision.go's {@code revInterval}. */
    static final long REVISION_INTERVAL_NANOS = 5L * 60 * 1_000_000_000L;
    private static final long HOUR_NANOS = 3600L * 1_000_000_000L;

    private final Scheduler scheduler;
    private final MvccOptions options;
    private final int member;
    private final NodeLoop nodeLoop;
    private final KvStore kv;
    private final Leadership leadership;
    private final MemberLife life;
    private final MemberLog log;
    private final Deque<Long> recorded = new ArrayDeque<>();
    private long lastRevision;
    private long lastSuccessNanos;
    private long baseIntervalNanos;
    private long nextRequestId;

    Compactor(Scheduler scheduler, MvccOptions options, int member, NodeLoop nodeLoop, KvStore kv, Leadership leadership,
            MemberLife life, MemberLog log) {
        this.scheduler = scheduler;
        this.options = options;
        this.member = member;
        this.nodeLoop = nodeLoop;
        this.kv = kv;
        this.leadership = leadership;
        this.life = life;
        this.log = log;
    }

    /** Starts the compactor's loop; does nothing when auto-compaction is off. */
    void start() {
        if (options.autoCompactionRetention() <= 0) {
            return;
        }
        lastSuccessNanos = scheduler.nowNanos();
        baseIntervalNanos = options.autoCompactionRetention();
        if (options.autoCompactionMode() == MvccOptions.AutoCompactionMode.PERIODIC) {
            recorded.addLast(kv.revision());
            scheduler.schedule(retryIntervalNanos(), TICK, member, this::periodicTick);
        } else {
            scheduler.schedule(REVISION_INTERVAL_NANOS, TICK, member, this::revisionTick);
        }
    }

    private long retryIntervalNanos() {
        return Math.min(options.autoCompactionRetention(), HOUR_NANOS) / 10;
    }

    private void periodicTick() {
        if (!life.alive()) {
            return;
        }
        long retentions = options.autoCompactionRetention() / retryIntervalNanos() + 1;
        scheduler.schedule(retryIntervalNanos(), TICK, member, this::periodicTick);
        if (leadership.isLeader() && scheduler.nowNanos() - lastSuccessNanos >= baseIntervalNanos) {
            baseIntervalNanos = Math.min(options.autoCompactionRetention(), HOUR_NANOS);
            long rev = recorded.peekFirst();
            if (rev != lastRevision && rev > kv.compactRevision()) {
                propose(rev);
                lastRevision = rev;
                lastSuccessNanos = scheduler.nowNanos();
            }
        }
        recorded.addLast(kv.revision());
        if (recorded.size() > retentions) {
            recorded.removeFirst(); // the first is always the revision of one retention ago
        }
    }

    private void revisionTick() {
        if (!life.alive()) {
            return;
        }
        scheduler.schedule(REVISION_INTERVAL_NANOS, TICK, member, this::revisionTick);
        long rev = kv.revision() - options.autoCompactionRetention();
        if (leadership.isLeader() && rev > 0 && rev != lastRevision && rev > kv.compactRevision()) {
            propose(rev);
            lastRevision = rev;
        }
    }

    private void propose(long revision) {
        log.info("starting auto compaction", "revision", Long.toString(revision),
                "mode", options.autoCompactionMode().name().toLowerCase(java.util.Locale.ROOT));
        // internal proposals use negative ids, never a client's; nobody waits for their answer
        long requestId = -((long) member << 40) - (1L << 39) - (++nextRequestId);
        nodeLoop.propose(KvCodec.encode(new KvCodec.Proposal(requestId, new KvCommand.Compact(revision))), dropped -> { });
    }
}
