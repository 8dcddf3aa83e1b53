package io.stormglass.raft.internal;

import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeatResp;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgReadIndexResp;
import io.stormglass.raft.message.MsgSnapStatus;
import io.stormglass.raft.message.MsgTransferLeader;
import io.stormglass.raft.message.MsgUnreachable;
import io.stormglass.raft.quorum.VoteResult;
import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.ProgressState;
import java.util.List;
import java.util.Map;

/** Leader rules (§5.3, §5.4.2, §7, thesis §3.10, §6.2, §6.4). */
final class LeaderRole implements Role {
    static final LeaderRole INSTANCE = new LeaderRole();

    private LeaderRole() {
    }

    /**
     * Leader clock: heartbeats every {@code heartbeatTick} (§5.2); every {@code electionTick}, the
     * CheckQuorum test (thesis §6.2) and the abandonment of a transfer that did not finish in time
     * (thesis §3.10).
     */
    static void tickHeartbeat(RaftCore r) {
        r.heartbeatElapsed++;
        r.electionElapsed++;
        if (r.electionElapsed >= r.config.electionTick()) {
            r.electionElapsed = 0;
            if (r.config.checkQuorum() && !checkQuorum(r)) {
                return;
            }
            r.abortLeaderTransfer();
        }
        if (r.heartbeatElapsed >= r.config.heartbeatTick()) {
            r.heartbeatElapsed = 0;
            Replication.broadcastHeartbeat(r);
        }
    }

    /** Steps down if a quorum was not active during the last election timeout; returns whether still leader. */
    private static boolean checkQuorum(RaftCore r) {
        boolean active = r.tracker.quorumActive();
        for (Map.Entry<Long, Progress> e : r.tracker.progress().entrySet()) {
            if (e.getKey() != r.id) {
                e.getValue().setRecentActive(false);
            }
        }
        if (!active) {
            r.becomeFollower(r.term, Message.NONE);
            return false;
        }
        return true;
    }

    @Override
    public void step(RaftCore r, Message m) {
        if (m instanceof MsgProp p) {
            propose(r, p);
            return;
        }
        if (m instanceof MsgReadIndex ri) {
            readIndex(r, ri);
            return;
        }
        Progress pr = r.tracker.get(m.from());
        if (pr == null) {
            return;
        }
        if (m instanceof MsgAppResp resp) {
            appendResponse(r, resp, pr);
        } else if (m instanceof MsgHeartbeatResp hb) {
            heartbeatResponse(r, hb, pr);
        } else if (m instanceof MsgSnapStatus s) {
            if (pr.state() != ProgressState.SNAPSHOT) {
                return;
            }
            if (s.reject()) {
                // Forget the snapshot and probe again from the match (which may ship another snapshot).
                pr.becomeSnapshot(0);
            }
            pr.becomeProbe();
            // Wait for the follower's answer (or a heartbeat response) before probing.
            pr.pauseFlow();
        } else if (m instanceof MsgUnreachable) {
            if (pr.state() == ProgressState.REPLICATE) {
                pr.becomeProbe();
            }
        } else if (m instanceof MsgTransferLeader t) {
            transferLeader(r, t.from(), pr);
        }
    }

    private static void propose(RaftCore r, MsgProp p) {
        if (p.entries().isEmpty()) {
            throw new IllegalArgumentException(r.id + " stepped empty MsgProp");
        }
        if (!r.promotable()) {
            throw new ProposalDroppedException(ProposalDroppedException.Reason.NOT_A_MEMBER,
                    r.id + " is not a member of the configuration");
        }
        if (r.leadTransferee != Message.NONE) {
            // Thesis §3.10: stop accepting requests while transferring leadership.
            throw new ProposalDroppedException(ProposalDroppedException.Reason.TRANSFER_IN_PROGRESS,
                    r.id + " is transferring leadership to " + r.leadTransferee);
        }
        Replication.appendEntries(r, p.entries());
        Replication.broadcastAppend(r);
    }

    /**
     * §5.3 reacts to a follower's answer: advance its match, or back off using the rejection hint;
     * §5.4.2 commit by quorum; thesis §3.10 complete a transfer once the transferee is up to date.
     */
    private static void appendResponse(RaftCore r, MsgAppResp m, Progress pr) {
        pr.setRecentActive(true);
        if (m.reject()) {
            long nextProbe = m.rejectHint();
            if (m.logTerm() > 0) {
                // Skip every entry of ours whose term exceeds the follower's term at the hint.
                nextProbe = r.log.findConflictByTerm(m.rejectHint(), m.logTerm())[0];
            }
            if (pr.maybeDecrTo(m.index(), nextProbe)) {
                if (pr.state() == ProgressState.REPLICATE) {
                    pr.becomeProbe();
                }
                Replication.sendAppend(r, m.from(), true);
            }
            return;
        }
        boolean probeAcked = pr.match() == m.index() && pr.state() == ProgressState.PROBE;
        if (!pr.maybeUpdate(m.index()) && !probeAcked) {
            return;
        }
        if (pr.state() == ProgressState.PROBE) {
            pr.becomeReplicate();
        } else if (pr.state() == ProgressState.SNAPSHOT && pr.match() + 1 >= r.log.firstIndex()) {
            // The follower caught up past the snapshot (or installed it): replicate from its match.
            pr.becomeProbe();
            pr.becomeReplicate();
        } else if (pr.state() == ProgressState.REPLICATE) {
            pr.inflights().freeLE(m.index());
        }
        if (Replication.maybeCommit(r)) {
            releasePendingReadIndexMessages(r);
            Replication.broadcastAppend(r);
        } else if (m.from() != r.id) {
            // Freed window (or a fresh REPLICATE state) may allow several size-limited appends.
            while (Replication.sendAppend(r, m.from(), false)) {
                // keep sending
            }
        }
        if (m.from() == r.leadTransferee && pr.match() == r.log.lastIndex()) {
            Replication.sendTimeoutNow(r, m.from());
        }
    }

    private static void heartbeatResponse(RaftCore r, MsgHeartbeatResp m, Progress pr) {
        pr.setRecentActive(true);
        pr.resumeFlow();
        r.lease.acknowledged(m.from(), m.sentTick());
        if (pr.match() < r.log.lastIndex() || pr.state() == ProgressState.PROBE) {
            Replication.sendAppend(r, m.from(), true);
        }
        // Lease-based reads fall back to ReadIndex rounds when the lease has lapsed: answer those too.
        if (m.context().isEmpty()) {
            return;
        }
        Map<Long, Boolean> acks = r.readOnly.recvAck(m.from(), m.context());
        if (acks == null || r.tracker.voters().voteResult(acks) != VoteResult.WON) {
            return;
        }
        for (ReadOnly.Status s : r.readOnly.advance(m.context())) {
            respondToReadIndex(r, s.request(), s.index());
        }
    }

    /**
     * Thesis §6.4 ReadIndex: record the commit index, confirm leadership with a heartbeat round, then
     * answer. Not before an entry of this term is committed (the leader may not know the latest commit
     * index until then, §8). Lease-based reads answer at once while the lease holds (thesis §6.4.1) and
     * fall back to a ReadIndex round when it has lapsed (as sofa-jraft does), so a read is never refused
     * for want of a lease.
     */
    private static void readIndex(RaftCore r, MsgReadIndex m) {
        if (r.tracker.isSingleton()) {
            respondToReadIndex(r, m, r.log.committed());
            return;
        }
        if (!Replication.committedEntryInCurrentTerm(r)) {
            r.pendingReadIndexMessages.add(m);
            return;
        }
        serveReadIndex(r, m);
    }

    private static void serveReadIndex(RaftCore r, MsgReadIndex m) {
        if (r.readOnly.option() == ReadOnlyOption.LEASE_BASED && r.leaseValid()) {
            respondToReadIndex(r, m, r.log.committed());
            return;
        }
        r.readOnly.addRequest(r.log.committed(), m);
        r.readOnly.recvAck(r.id, m.context());
        Replication.broadcastHeartbeat(r, m.context());
    }

    private static void releasePendingReadIndexMessages(RaftCore r) {
        if (r.pendingReadIndexMessages.isEmpty() || !Replication.committedEntryInCurrentTerm(r)) {
            return;
        }
        List<Message> pending = List.copyOf(r.pendingReadIndexMessages);
        r.pendingReadIndexMessages.clear();
        for (Message m : pending) {
            serveReadIndex(r, (MsgReadIndex) m);
        }
    }

    private static void respondToReadIndex(RaftCore r, MsgReadIndex req, long index) {
        // A request from the application (no sender) or from ourselves is answered locally.
        if (req.from() == Message.NONE || req.from() == r.id) {
            r.addReadState(new ReadState(index, req.context()));
        } else {
            r.send(new MsgReadIndexResp(r.id, req.from(), r.term, index, req.context()));
        }
    }

    /** Thesis §3.10: bring the transferee up to date, then tell it to campaign (TimeoutNow). */
    private static void transferLeader(RaftCore r, long transferee, Progress pr) {
        if (r.leadTransferee != Message.NONE) {
            if (r.leadTransferee == transferee) {
                return;
            }
            r.abortLeaderTransfer();
        }
        if (transferee == r.id) {
            return;
        }
        // The transfer must finish within one election timeout, or it is abandoned (tickHeartbeat).
        r.electionElapsed = 0;
        r.leadTransferee = transferee;
        if (pr.match() == r.log.lastIndex()) {
            Replication.sendTimeoutNow(r, transferee);
        } else {
            Replication.sendAppend(r, transferee, true);
        }
    }
}
