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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Follows client requests through their stages on the member that received them and keeps a
 * bounded sample of the finished ones: the {@value #SLOWEST} slowest always, and every
 * {@value #SAMPLE_EVERY}th, at most {@value #MAX_SAMPLED}. A write's entry is recognised by the
 * request id its proposal carries; it counts as replicated once a quorum's followers acknowledged
 * its index to the member (only a leader hears acknowledgements), and as committed once the member
 * persisted a commit index that covers it.
 */
final class RequestSpans {
    static final int SLOWEST = 100;
    static final int SAMPLE_EVERY = 500;
    static final int MAX_SAMPLED = 2_000;
    /** Requests followed at once; the oldest is forgotten beyond this (a member that crashed never answers). */
    private static final int MAX_OPEN = 100_000;
    private static final Comparator<RequestSpan> BY_DURATION =
            Comparator.comparingLong(RequestSpan::durationNanos).thenComparingLong(r -> -r.requestId());

    private final int quorumFollowers;
    private final Map<Long, Open> open = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Open> eldest) {
            return size() > MAX_OPEN;
        }
    };
    /** Per member: the highest index each follower acknowledged to it. */
    private final Map<Integer, Map<Long, Long>> matched = new TreeMap<>();
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
        boolean replicated;
        boolean committed;

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
                open.put(requestId, o);
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
                checkReplicated(o, nowNanos);
            }
        }
        if (hardState != null) {
            for (Open o : open.values()) {
                if (o.member == member && o.index > 0 && !o.committed && hardState.commit() >= o.index) {
                    o.committed = true;
                    o.stages.add(new Stage("committed", nowNanos));
                }
            }
        }
    }

    /** The member stepped a follower's acknowledgement. */
    void acknowledged(int member, MsgAppResp resp, long nowNanos) {
        if (resp.reject()) {
            return;
        }
        matched.computeIfAbsent(member, m -> new TreeMap<>()).merge(resp.from(), resp.index(), Math::max);
        for (Open o : open.values()) {
            if (o.member == member && o.index > 0 && !o.replicated) {
                checkReplicated(o, nowNanos);
            }
        }
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

    private void add(int member, long requestId, String name, long nowNanos) {
        Open o = open.get(requestId);
        if (o != null && o.member == member) {
            o.stages.add(new Stage(name, nowNanos));
        }
    }

    private void checkReplicated(Open o, long nowNanos) {
        Map<Long, Long> m = matched.get(o.member);
        long acks = m == null ? 0 : m.values().stream().filter(i -> i >= o.index).count();
        if (acks >= quorumFollowers && quorumFollowers > 0) {
            o.replicated = true;
            o.stages.add(new Stage("replicated to a quorum", nowNanos));
        }
    }

    private void finish(int member, long requestId, long nowNanos) {
        Open o = open.get(requestId);
        if (o == null || o.member != member) {
            return;
        }
        open.remove(requestId);
        o.stages.add(new Stage("answered", nowNanos));
        o.stages.sort(Comparator.comparingLong(Stage::timeNanos));
        RequestSpan span = new RequestSpan(o.member, o.requestId, o.write, o.stages);
        finished++;
        slowest.add(span);
        if (slowest.size() > SLOWEST) {
            slowest.poll();
        }
        if (finished % SAMPLE_EVERY == 0 && sampled.size() < MAX_SAMPLED) {
            sampled.add(span);
        }
    }

    private static long requestId(Entry e) {
        try {
            return KvCodec.decodeProposal(e.data()).requestId();
        } catch (RuntimeException notAProposal) {
            return Long.MIN_VALUE;
        }
    }
}
