package io.stormglass.run.explore;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.server.RequestStage;
import io.stormglass.report.explorer.ExplorerTrace.RequestSpan;
import io.stormglass.report.explorer.ExplorerTrace.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Follows client requests through their stages on the member that received them and keeps a
 * bounded sample of the finished ones: the {@value #SLOWEST} slowest always, and every
 * {@value #SAMPLE_EVERY}th, at most {@value #MAX_SAMPLED}. A write's entry is recognised by the
 * request id its proposal carries; it counts as replicated once a quorum's followers acknowledged
 * its index to the member (only a leader hears acknowledgements), and as committed once the member
 * persisted a commit index that covers it.
 *
 * <p>Each member's writes that wait to be replicated or committed are kept in index order, so an
 * acknowledgement or a commit touches only the writes it completes. (Walking every open request on
 * each acknowledgement cost 2.5 s of a simulated day of the incident and 81 s of a week, 40 % of that
 * run: requests a member never answers stay open, over a thousand after a day; issue 23.)
 */
final class RequestSpans {
    static final int SLOWEST = 100;
    static final int SAMPLE_EVERY = 500;
    static final int MAX_SAMPLED = 2_000;
    /** Requests followed at once; the oldest is forgotten beyond this (a member that crashed never answers). */
    static final int MAX_OPEN = 100_000;
    /** Faster first, and among equally fast the higher request id first: the heap of the slowest drops its head. */
    private static final Comparator<RequestSpan> BY_DURATION =
            (a, b) -> bySpeed(a.durationNanos(), a.requestId(), b.durationNanos(), b.requestId());
    /** A member's writes in the order their entries were written: index, then request id. */
    private static final Comparator<Open> BY_INDEX =
            Comparator.<Open>comparingLong(o -> o.index).thenComparingLong(o -> o.requestId);

    private final int quorumFollowers;
    private final Map<Long, Open> open = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Open> eldest) {
            if (size() <= MAX_OPEN) {
                return false;
            }
            forget(eldest.getValue());
            return true;
        }
    };
    /** Per member: the highest index each follower acknowledged to it. */
    private final Map<Integer, Map<Long, Long>> matched = new TreeMap<>();
    /** Per member: its open writes with an index and not yet replicated to a quorum. */
    private final Map<Integer, NavigableSet<Open>> awaitingQuorum = new TreeMap<>();
    /** Per member: its open writes with an index and not yet covered by its persisted commit index. */
    private final Map<Integer, NavigableSet<Open>> awaitingCommit = new TreeMap<>();
    private final PriorityQueue<RequestSpan> slowest = new PriorityQueue<>(BY_DURATION);
    private final List<RequestSpan> sampled = new ArrayList<>();
    private long finished;

    /** A request being followed. */
    private static final class Open {
        final int member;
        final long requestId;
        final boolean write;
        final List<Stage> stages = new ArrayList<>();
        long index = -1;

        Open(int member, long requestId, boolean write) {
            this.member = member;
            this.requestId = requestId;
            this.write = write;
        }
    }

    /** @param members the cluster's size (a quorum's followers are half of it, rounded down) */
    RequestSpans(int members) {
        this.quorumFollowers = members / 2;
    }

    void stage(int member, long requestId, RequestStage stage, long nowNanos) {
        switch (stage) {
            case RECEIVED_WRITE, RECEIVED_READ -> {
                Open o = new Open(member, requestId, stage == RequestStage.RECEIVED_WRITE);
                o.stages.add(new Stage("received", nowNanos));
                Open replaced = open.put(requestId, o);
                if (replaced != null) {
                    forget(replaced);
                }
            }
            case PROPOSED -> add(member, requestId, "proposed", nowNanos);
            case READ_INDEX_CONFIRMED -> add(member, requestId, "read index confirmed", nowNanos);
            case READ_SERVED -> add(member, requestId, "applied wait over", nowNanos);
            case ANSWERED -> finish(member, requestId, nowNanos);
        }
    }

    /** The member's WAL write of {@code entries} completed now; the fdatasync began at {@code fsyncStartNanos} (-1: none). */
    void persisted(int member, HardState hardState, List<Entry> entries, long nowNanos, long fsyncStartNanos) {
        for (Entry e : entries) {
            Open o = e.type() == EntryType.NORMAL && e.data().length > 0 ? open.get(requestId(e)) : null;
            if (o != null && o.member == member && o.write && o.index < 0) {
                o.index = e.index();
                if (fsyncStartNanos >= 0) {
                    o.stages.add(new Stage("fdatasync started", fsyncStartNanos));
                }
                o.stages.add(new Stage("WAL written", nowNanos));
                if (o.index <= quorumIndex(member)) {
                    o.stages.add(new Stage("replicated to a quorum", nowNanos));
                } else {
                    waiting(awaitingQuorum, member).add(o);
                }
                waiting(awaitingCommit, member).add(o);
            }
        }
        if (hardState != null) {
            complete(awaitingCommit, member, hardState.commit(), "committed", nowNanos);
        }
    }

    /** The member stepped a follower's acknowledgement. */
    void acknowledged(int member, MsgAppResp resp, long nowNanos) {
        if (resp.reject()) {
            return;
        }
        matched.computeIfAbsent(member, m -> new TreeMap<>()).merge(resp.from(), resp.index(), Math::max);
        complete(awaitingQuorum, member, quorumIndex(member), "replicated to a quorum", nowNanos);
    }

    void applied(int member, Entry e, long nowNanos) {
        if (e.type() != EntryType.NORMAL || e.data().length == 0) {
            return;
        }
        Open o = open.get(requestId(e));
        if (o != null && o.member == member && o.write) {
            o.stages.add(new Stage("applied", nowNanos));
        }
    }

    /** The kept requests, by start time. */
    List<RequestSpan> kept() {
        Map<Long, RequestSpan> byId = new TreeMap<>();
        sampled.forEach(r -> byId.put(r.requestId(), r));
        slowest.forEach(r -> byId.put(r.requestId(), r));
        List<RequestSpan> out = new ArrayList<>(byId.values());
        out.sort(Comparator.comparingLong(RequestSpan::startNanos).thenComparingLong(RequestSpan::requestId));
        return out;
    }

    /** Requests followed now (for tests: bounded by {@link #MAX_OPEN}). */
    int openRequests() {
        return open.size();
    }

    /** Writes waiting for a quorum or a commit, over all members (for tests: never more than twice the open ones). */
    int waitingWrites() {
        int n = 0;
        for (NavigableSet<Open> s : awaitingQuorum.values()) {
            n += s.size();
        }
        for (NavigableSet<Open> s : awaitingCommit.values()) {
            n += s.size();
        }
        return n;
    }

    private void add(int member, long requestId, String name, long nowNanos) {
        Open o = open.get(requestId);
        if (o != null && o.member == member) {
            o.stages.add(new Stage(name, nowNanos));
        }
    }

    /**
     * The highest index that at least a quorum's followers acknowledged to {@code member} (the
     * {@code quorumFollowers}-th largest of their acknowledged indexes), or 0 if none is.
     */
    private long quorumIndex(int member) {
        Map<Long, Long> m = matched.get(member);
        if (quorumFollowers == 0 || m == null || m.size() < quorumFollowers) {
            return 0;
        }
        long[] indexes = new long[m.size()];
        int i = 0;
        for (long index : m.values()) {
            indexes[i++] = index;
        }
        Arrays.sort(indexes);
        return indexes[indexes.length - quorumFollowers];
    }

    /** Gives every write of {@code member} waiting in {@code sets} with an index up to {@code upTo} the stage {@code name}. */
    private static void complete(Map<Integer, NavigableSet<Open>> sets, int member, long upTo, String name, long nowNanos) {
        NavigableSet<Open> waiting = sets.get(member);
        if (waiting == null) {
            return;
        }
        for (Open o = waiting.pollFirst(); o != null; o = waiting.pollFirst()) {
            if (o.index > upTo) {
                waiting.add(o);
                return;
            }
            o.stages.add(new Stage(name, nowNanos));
        }
    }

    private static NavigableSet<Open> waiting(Map<Integer, NavigableSet<Open>> sets, int member) {
        return sets.computeIfAbsent(member, m -> new TreeSet<>(BY_INDEX));
    }

    /** Stops following {@code o}: it was answered, forgotten for room, or replaced by a request with its id. */
    private void forget(Open o) {
        if (o.index > 0) {
            NavigableSet<Open> q = awaitingQuorum.get(o.member);
            if (q != null) {
                q.remove(o);
            }
            NavigableSet<Open> c = awaitingCommit.get(o.member);
            if (c != null) {
                c.remove(o);
            }
        }
    }

    private void finish(int member, long requestId, long nowNanos) {
        Open o = open.get(requestId);
        if (o == null || o.member != member) {
            return;
        }
        open.remove(requestId);
        forget(o);
        o.stages.add(new Stage("answered", nowNanos));
        o.stages.sort(Comparator.comparingLong(Stage::timeNanos));
        finished++;
        boolean sample = finished % SAMPLE_EVERY == 0 && sampled.size() < MAX_SAMPLED;
        // most requests are not among the slowest: a span is built only for one that is kept
        boolean slow = slowest.size() < SLOWEST || isSlowerThan(o, slowest.peek());
        if (!sample && !slow) {
            return;
        }
        RequestSpan span = new RequestSpan(o.member, o.requestId, o.write, o.stages);
        if (slow) {
            slowest.add(span);
            if (slowest.size() > SLOWEST) {
                slowest.poll();
            }
        }
        if (sample) {
            sampled.add(span);
        }
    }

    /** Whether {@code o}'s span would not order before {@code kept} by {@link #BY_DURATION}, so that adding it would not just drop it again. */
    private static boolean isSlowerThan(Open o, RequestSpan kept) {
        long duration = o.stages.get(o.stages.size() - 1).timeNanos() - o.stages.get(0).timeNanos();
        return bySpeed(duration, o.requestId, kept.durationNanos(), kept.requestId()) >= 0;
    }

    /** The order of {@link #BY_DURATION}, on a span's duration and request id. */
    private static int bySpeed(long durationA, long requestIdA, long durationB, long requestIdB) {
        int byDuration = Long.compare(durationA, durationB);
        return byDuration != 0 ? byDuration : Long.compare(-requestIdA, -requestIdB);
    }

    private static long requestId(Entry e) {
        try {
            return KvCodec.proposalRequestId(e.data());
        } catch (IllegalArgumentException notAProposal) {
            return Long.MIN_VALUE;
        }
    }
}
