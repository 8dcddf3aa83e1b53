package io.stormglass.raft.internal;

import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.log.ByteString;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.MsgTimeoutNow;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.storage.EntryLists;
import io.stormglass.raft.storage.StorageException;
import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.ProgressState;
import java.util.ArrayList;
import java.util.List;

/** The leader's outgoing replication (§5.3, §7): appends, snapshots and heartbeats per follower. */
final class Replication {
    private Replication() {
    }

    /**
     * Appends proposals at the end of the leader's log in its term (§5.3 "the leader appends the
     * command to its log as a new entry"). The leader acknowledges them to itself only after they are
     * persisted. The leader checks its proposal budget before.
     */
    static void appendEntries(RaftCore r, List<Entry> proposed) {
        long last = r.log.lastIndex();
        List<Entry> ents = new ArrayList<>(proposed.size());
        for (int i = 0; i < proposed.size(); i++) {
            ents.add(proposed.get(i).at(r.term, last + 1 + i));
        }
        long li = r.log.append(ents);
        r.send(MsgAppResp.accept(r.id, r.id, r.term, li));
    }

    /** Appends to every other member, learners included (thesis §4.2.1: learners receive the log). */
    static void broadcastAppend(RaftCore r) {
        for (long to : r.tracker.progress().keySet()) {
            if (to != r.id) {
                sendAppend(r, to, true);
            }
        }
    }

    /**
     * Sends the next append to {@code to} unless flow control pauses it, or a snapshot if the entries
     * it needs were compacted (§7). With {@code sendIfEmpty} false an append without entries is not
     * sent. Returns whether a message was sent.
     */
    static boolean sendAppend(RaftCore r, long to, boolean sendIfEmpty) {
        Progress pr = r.tracker.get(to);
        if (pr == null || pr.isPaused()) {
            return false;
        }
        long prevIndex = pr.next() - 1;
        long prevTerm;
        List<Entry> ents;
        try {
            prevTerm = r.log.term(prevIndex);
            // A throttled follower (full window) only gets empty appends: if every message in the
            // window was lost, the empty one's answer still clears the window (etcd does the same).
            boolean throttled = pr.state() == ProgressState.REPLICATE && pr.inflights().full();
            ents = throttled ? List.of() : r.log.entries(pr.next(), r.config.maxSizePerMsg());
        } catch (StorageException.Compacted e) {
            return sendSnapshot(r, to, pr);
        }
        if (ents.isEmpty() && !sendIfEmpty && !pr.canBumpCommit(r.log.committed())) {
            return false;
        }
        r.send(new MsgApp(r.id, to, r.term, prevTerm, prevIndex, ents, r.log.committed()));
        pr.sentEntries(ents.size(), EntryLists.payloadBytes(ents));
        pr.sentCommit(r.log.committed());
        return true;
    }

    private static boolean sendSnapshot(RaftCore r, long to, Progress pr) {
        if (!pr.recentActive()) {
            // Do not ship a snapshot to a member that may be down.
            return false;
        }
        Snapshot snapshot;
        try {
            snapshot = r.log.snapshot();
        } catch (StorageException.SnapshotTemporarilyUnavailable e) {
            return false;
        }
        if (snapshot.isEmpty()) {
            throw new IllegalStateException("need non-empty snapshot");
        }
        pr.becomeSnapshot(snapshot.index());
        RaftProbe.SNAPSHOT_SENT.hit();
        if (r.log.hasUnappliedConfChanges()) {
            RaftProbe.SNAPSHOT_SENT_CONF_CHANGE_PENDING.hit();
        }
        r.send(new MsgSnap(r.id, to, r.term, snapshot));
        return true;
    }

    /**
     * §5.2: heartbeats to every follower and learner, carrying {@code context} (the newest pending
     * ReadIndex round) and the tick they were sent at (the start of the read lease they may renew, thesis
     * §6.4.1). Only voters' answers count toward either.
     */
    static void broadcastHeartbeat(RaftCore r, ByteString context) {
        for (long to : r.tracker.progress().keySet()) {
            if (to != r.id) {
                // Bounded by the match index: a follower must not commit entries it may not hold.
                long commit = Math.min(r.tracker.get(to).match(), r.log.committed());
                r.send(new MsgHeartbeat(r.id, to, r.term, commit, context, r.clockTicks()));
            }
        }
    }

    /**
     * §5.3/§5.4.2: advances the commit index to what a quorum of voters matches (of both sides while joint,
     * thesis §4.3), if that entry is of our term.
     */
    static boolean maybeCommit(RaftCore r) {
        long quorumIndex = r.tracker.committed();
        boolean committed = r.log.maybeCommit(quorumIndex, r.term);
        if (!committed && quorumIndex > r.log.committed() && quorumIndex != Long.MAX_VALUE) {
            RaftProbe.COMMIT_WAITS_FOR_CURRENT_TERM.hit();
        }
        return committed;
    }

    /** Whether the leader has committed an entry of its own term (needed before serving reads, §8). */
    static boolean committedEntryInCurrentTerm(RaftCore r) {
        return r.log.termOrZero(r.log.committed()) == r.term;
    }
}
