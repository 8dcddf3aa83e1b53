package io.stormglass.run.explore;

import io.stormglass.disk.trace.IoObserver;
import io.stormglass.engine.event.Clock;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.VoteResponse;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.RequestStage;
import io.stormglass.report.explorer.ExplorerTrace;
import io.stormglass.report.explorer.ExplorerTrace.Beat;
import io.stormglass.report.explorer.ExplorerTrace.Fsync;
import io.stormglass.report.explorer.ExplorerTrace.Span;
import io.stormglass.report.explorer.ExplorerTrace.Vote;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Records what a run's explorer needs beyond metrics and the timeline ({@link ExplorerTrace}): it
 * listens to the members ({@link MemberObserver}) and to the devices ({@link IoObserver}) and only
 * reads, so a run's events and fingerprint are the same with or without it. It is created only when
 * a run writes its explorer.
 *
 * <p>What is kept: every fdatasync slower than {@value #SLOW_FSYNC_NANOS} ns, every vote, and
 * everything from {@value #LOOKBACK_NANOS} ns before to {@value #CAPTURE_NANOS} ns after each
 * instant a member becomes leader or campaigns. Each kind is bounded ({@link KeptItems}).
 */
public final class ExplorerRecording implements MemberObserver, IoObserver {
    /** An fdatasync this slow is always kept: a tenth of etcd's 1 s slow-fdatasync threshold. */
    static final long SLOW_FSYNC_NANOS = 100_000_000L;
    static final long LOOKBACK_NANOS = 10_000_000_000L;
    static final long CAPTURE_NANOS = 5_000_000_000L;
    private static final int RING = 512;
    private static final int MAX_KEPT = 50_000;
    /** Flushes remembered per member, to find the one an fdatasync began with. */
    private static final int FLUSHES_REMEMBERED = 8;

    private final Clock clock;
    private final KeptItems<Fsync> fsyncs = new KeptItems<>(Fsync::endNanos, LOOKBACK_NANOS, RING, MAX_KEPT);
    private final KeptItems<Span> commits = new KeptItems<>(Span::endNanos, LOOKBACK_NANOS, RING, MAX_KEPT);
    private final KeptItems<Beat> heartbeats = new KeptItems<>(Beat::timeNanos, LOOKBACK_NANOS, RING, MAX_KEPT);
    private final KeptItems<Beat> applies = new KeptItems<>(Beat::timeNanos, LOOKBACK_NANOS, RING, MAX_KEPT);
    private final KeptItems<Vote> votes = new KeptItems<>(Vote::timeNanos, 0, 1, MAX_KEPT);
    /** Outstanding requests per device, per issuer. */
    private final Map<String, SortedMap<String, Integer>> outstanding = new TreeMap<>();
    private final Map<Integer, ArrayDeque<Flush>> flushes = new TreeMap<>();
    private final Map<Integer, Long> lastHeartbeat = new TreeMap<>();
    private final Map<Integer, Long> lastApply = new TreeMap<>();
    /** Per member: the start of the fdatasync that ended last, and when it ended. */
    private final Map<Integer, long[]> lastFsync = new TreeMap<>();
    private final RequestSpans requests;
    private long captureUntilNanos = -1;

    /** A WAL flush submitted at {@code timeNanos}, with the other issuers' requests outstanding then. */
    private record Flush(long timeNanos, String device, SortedMap<String, Integer> ahead) {
    }

    /** @param members the cluster's size (for a quorum of acknowledgements) */
    public ExplorerRecording(Clock clock, int members) {
        this.clock = clock;
        this.requests = new RequestSpans(members);
    }

    /** What was kept, in time order. */
    public ExplorerTrace trace() {
        long dropped = fsyncs.dropped() + commits.dropped() + heartbeats.dropped() + applies.dropped() + votes.dropped();
        return new ExplorerTrace(fsyncs.kept(), commits.kept(), heartbeats.kept(), votes.kept(), applies.kept(),
                requests.kept(), dropped);
    }

    @Override
    public void submitted(String device, IoRequest request, long nowNanos) {
        SortedMap<String, Integer> byIssuer = outstanding.computeIfAbsent(device, d -> new TreeMap<>());
        int member = request.op() == IoOp.FLUSH ? walMember(request.issuer()) : 0;
        if (member > 0) {
            SortedMap<String, Integer> ahead = new TreeMap<>(byIssuer);
            ahead.remove(request.issuer());
            ArrayDeque<Flush> recent = flushes.computeIfAbsent(member, m -> new ArrayDeque<>());
            recent.addLast(new Flush(nowNanos, device, ahead));
            if (recent.size() > FLUSHES_REMEMBERED) {
                recent.pollFirst();
            }
        }
        byIssuer.merge(request.issuer(), 1, Integer::sum);
    }

    @Override
    public void completed(String device, IoRequest request, IoResult result) {
        SortedMap<String, Integer> byIssuer = outstanding.get(device);
        if (byIssuer != null && byIssuer.merge(request.issuer(), -1, Integer::sum) <= 0) {
            byIssuer.remove(request.issuer());
        }
    }

    @Override
    public void walSynced(int member, long startNanos, long endNanos) {
        lastFsync.put(member, new long[] {startNanos, endNanos});
        Flush flush = flushAt(member, startNanos);
        Fsync f = new Fsync(member, startNanos, endNanos, flush == null ? "" : flush.device(),
                flush == null ? new TreeMap<>() : flush.ahead());
        fsyncs.offer(f, capturing() || f.durationNanos() >= SLOW_FSYNC_NANOS);
    }

    @Override
    public void backendCommitted(int member, long startNanos, long endNanos) {
        commits.offer(new Span(member, startNanos, endNanos), capturing());
    }

    @Override
    public void sent(int member, Message msg) {
        if (msg instanceof MsgHeartbeat) {
            long now = clock.nowNanos();
            if (lastHeartbeat.getOrDefault(member, -1L) != now) {
                lastHeartbeat.put(member, now);
                heartbeats.offer(new Beat(member, now), capturing());
            }
        }
    }

    @Override
    public void stepped(int member, Message msg) {
        if (msg instanceof MsgAppResp resp) {
            requests.acknowledged(member, resp, clock.nowNanos());
            return;
        }
        if (msg instanceof VoteResponse v && msg.to() == member) {
            votes.offer(new Vote(clock.nowNanos(), member, (int) msg.from(), msg.term(), v.pre(), !v.reject()), true);
            capture();
        }
    }

    @Override
    public void applied(int member, Entry entry) {
        long now = clock.nowNanos();
        requests.applied(member, entry, now);
        if (lastApply.getOrDefault(member, -1L) != now) {
            lastApply.put(member, now);
            applies.offer(new Beat(member, now), capturing());
        }
    }

    @Override
    public void softStateChanged(int member, long term, long leader, StateRole role) {
        if (role == StateRole.LEADER || role == StateRole.CANDIDATE || role == StateRole.PRE_CANDIDATE) {
            capture();
        }
    }

    @Override
    public void persisted(int member, HardState hardState, List<Entry> entries) {
        long now = clock.nowNanos();
        long[] sync = lastFsync.get(member);
        requests.persisted(member, hardState, entries, now, sync != null && sync[1] == now ? sync[0] : -1);
    }

    @Override
    public void requestStage(int member, long requestId, RequestStage stage) {
        requests.stage(member, requestId, stage, clock.nowNanos());
    }

    /** Keeps the look-back and opens (or extends) a capture from now. */
    private void capture() {
        fsyncs.keepRecent();
        commits.keepRecent();
        heartbeats.keepRecent();
        applies.keepRecent();
        captureUntilNanos = Math.max(captureUntilNanos, clock.nowNanos() + CAPTURE_NANOS);
    }

    private boolean capturing() {
        return clock.nowNanos() <= captureUntilNanos;
    }

    /** The first flush submitted at or after {@code startNanos}, else the last one before it. */
    private Flush flushAt(int member, long startNanos) {
        ArrayDeque<Flush> recent = flushes.get(member);
        if (recent == null) {
            return null;
        }
        Flush before = null;
        for (Flush f : recent) {
            if (f.timeNanos() >= startNanos) {
                return f;
            }
            before = f;
        }
        return before;
    }

    /** The member whose WAL issues as {@code n<id>/wal}, or 0. */
    static int walMember(String issuer) {
        if (!issuer.startsWith("n") || !issuer.endsWith("/wal")) {
            return 0;
        }
        try {
            return Integer.parseInt(issuer.substring(1, issuer.length() - 4));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
