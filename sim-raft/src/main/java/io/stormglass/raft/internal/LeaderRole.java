package io.stormglass.raft.internal;

import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeatResp;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgReadIndexResp;
import io.stormglass.raft.message.MsgSnapStatus;
import io.stormglass.raft.message.MsgTimeoutNow;
import io.stormglass.raft.message.MsgTransferLeader;
import io.stormglass.raft.message.MsgUnreachable;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.quorum.VoteResult;
import io.stormglass.raft.storage.EntryLists;
import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.ProgressState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leader rules (§5.3, §5.4.2, §7, thesis §3.10, §6.2, §6.4), and the state that only a leader has.
 * One instance per leadership: a new leader starts with no pending reads, no lease, no transfer and
 * an empty proposal budget, and all of it dies with the leadership (an acknowledgement in a later
 * term proves nothing about this one, thesis §6.4). The progress of each follower lives in the
 * core's tracker, which is rebuilt on every role change, as in etcd-io/raft.
 */
final class LeaderRole implements Role {
    private final ReadOnly readOnly;
    private final LeaderLease lease;
    /** ReadIndex requests received before an entry of this term was committed (§8); served once one is. */
    private final List<MsgReadIndex> pendingReadIndex = new ArrayList<>();
    /** The member leadership is being handed to (thesis §3.10), or {@link Message#NONE}. */
    private long transferee = Message.NONE;
    /** Payload bytes proposed and not yet applied (etcd's {@code uncommittedSize}). */
    private long uncommittedBytes;
    private int heartbeatElapsed;
    /**
     * At least the index of the latest configuration change in the log (etcd's {@code pendingConfIndex}):
     * another is accepted only once this index is applied, so at most one change is pending (thesis §4.1).
     * A new leader starts at its last index, since it cannot tell whether its log holds an unapplied one.
     */
    private long pendingConfIndex;

    /** A new leadership of a member whose log ends at {@code lastIndex}. */
    LeaderRole(RaftConfig config, long lastIndex) {
        this.readOnly = new ReadOnly(config.readOnlyOption());
        this.lease = new LeaderLease(config.leaseTicks());
        this.pendingConfIndex = lastIndex;
    }

    long pendingConfIndex() {
        return pendingConfIndex;
    }

    /** Records a configuration change accepted at {@code index}. */
    void confChangeAppendedAt(long index) {
        pendingConfIndex = index;
    }

    /** Gives up a leadership transfer (its transferee was removed or demoted). */
    void abortTransfer() {
        transferee = Message.NONE;
    }

    /** The member this leader is handing leadership to, or {@link Message#NONE}. */
    long transferee() {
        return transferee;
    }

    /** Whether this leader's read lease covers tick {@code nowTick} (thesis §6.4.1). */
    boolean leaseCovers(RaftCore r, long nowTick) {
        return lease.covers(r.tracker.voters(), r.id, nowTick);
    }

    /** Releases the payload bytes of applied entries from the proposal budget. */
    void reduceUncommittedSize(long payloadBytes) {
        uncommittedBytes = Math.max(0, uncommittedBytes - payloadBytes);
    }

    /**
     * Leader clock: heartbeats every {@code heartbeatTick} (§5.2); every {@code electionTick}, the
     * CheckQuorum test (thesis §6.2) and the abandonment of a transfer that did not finish in time
     * (thesis §3.10).
     */
    void tick(RaftCore r) {
        heartbeatElapsed++;
        if (r.electionTimer.countTick() >= r.config.electionTick()) {
            r.electionTimer.zero();
            if (r.config.checkQuorum() && !checkQuorum(r)) {
                return;
            }
            transferee = Message.NONE;
        }
        if (heartbeatElapsed >= r.config.heartbeatTick()) {
            heartbeatElapsed = 0;
            broadcastHeartbeat(r);
        }
    }

    /**
     * §5.2: heartbeats to every follower, carrying the newest pending ReadIndex context and the tick
     * they were sent at (the start of the read lease they may renew, thesis §6.4.1).
     */
    private void broadcastHeartbeat(RaftCore r) {
        Replication.broadcastHeartbeat(r, readOnly.lastPendingRequestContext());
    }

    /**
     * Thesis §3.10: tells the transferee to campaign now. Its vote requests override the followers'
     * promise not to vote (they carry the transfer flag), so this leader's read lease ends here.
     */
    private void sendTimeoutNow(RaftCore r, long to) {
        lease.revoke();
        RaftProbe.TRANSFER_TIMEOUT_NOW.hit();
        r.send(new MsgTimeoutNow(r.id, to, r.term));
    }

    /** Steps down if a quorum was not active during the last election timeout; returns whether still leader. */
    private boolean checkQuorum(RaftCore r) {
        boolean active = r.tracker.quorumActive();
        for (Map.Entry<Long, Progress> e : r.tracker.progress().entrySet()) {
            if (e.getKey() != r.id) {
                e.getValue().setRecentActive(false);
            }
        }
        if (!active) {
            RaftProbe.CHECK_QUORUM_STEP_DOWN.hit();
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

    private void propose(RaftCore r, MsgProp p) {
        if (p.entries().isEmpty()) {
            throw new IllegalArgumentException(r.id + " stepped empty MsgProp");
        }
        if (r.tracker.get(r.id) == null) {
            // Removed while leading (without StepDownOnRemoval): it may not add to a log it is not part of.
            throw new ProposalDroppedException(ProposalDroppedException.Reason.NOT_A_MEMBER,
                    r.id + " is not a member of the configuration");
        }
        if (transferee != Message.NONE) {
            // Thesis §3.10: stop accepting requests while transferring leadership.
            throw new ProposalDroppedException(ProposalDroppedException.Reason.TRANSFER_IN_PROGRESS,
                    r.id + " is transferring leadership to " + transferee);
        }
        List<Entry> entries = Reconfiguration.screenProposals(r, this, p.entries());
        long bytes = EntryLists.payloadBytes(entries);
        long limit = r.config.maxUncommittedEntriesSize();
        if (limit > 0 && uncommittedBytes > 0 && bytes > 0 && uncommittedBytes + bytes > limit) {
            throw new ProposalDroppedException(ProposalDroppedException.Reason.UNCOMMITTED_SIZE_LIMIT,
                    r.id + " uncommitted " + uncommittedBytes + " + " + bytes + " bytes > " + limit);
        }
        uncommittedBytes += bytes;
        Replication.appendEntries(r, entries);
        Replication.broadcastAppend(r);
    }

    /**
     * §5.3 reacts to a follower's answer: advance its match, or back off using the rejection hint;
     * §5.4.2 commit by quorum; thesis §3.10 complete a transfer once the transferee is up to date.
     */
    private void appendResponse(RaftCore r, MsgAppResp m, Progress pr) {
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
        if (m.from() == transferee && pr.match() == r.log.lastIndex()) {
            sendTimeoutNow(r, m.from());
        }
    }

    private void heartbeatResponse(RaftCore r, MsgHeartbeatResp m, Progress pr) {
        pr.setRecentActive(true);
        pr.resumeFlow();
        lease.acknowledged(m.from(), m.sentTick());
        if (pr.match() < r.log.lastIndex() || pr.state() == ProgressState.PROBE) {
            Replication.sendAppend(r, m.from(), true);
        }
        // Lease-based reads fall back to ReadIndex rounds when the lease has lapsed: answer those too.
        if (m.context().isEmpty()) {
            return;
        }
        Map<Long, Boolean> acks = readOnly.recvAck(m.from(), m.context());
        if (acks == null || r.tracker.voters().voteResult(acks) != VoteResult.WON) {
            return;
        }
        for (ReadOnly.Status s : readOnly.advance(m.context())) {
            respondToReadIndex(r, s.request(), s.index());
        }
    }

    /**
     * Thesis §6.4 ReadIndex: record the commit index, confirm leadership with a heartbeat round, then
     * answer. Not before an entry of this term is committed (the leader may not know the latest commit
     * index until then, §8). Lease-based reads answer at once while the lease holds (thesis §6.4.1) and
     * fall back to a ReadIndex round when it has lapsed (as sofa-jraft does), so a read is never refused
     * for want of a lease. A single voter skips the round but not the wait: rebooted with a commit index
     * that was never synced (etcd syncs no Ready that only moves it), it answers once its first entry of
     * the term commits everything before it. etcd-io/raft answers a single voter at once with the stale
     * index (a stale read, etcd-io/raft#105; found by the membership campaign, seed 343).
     */
    private void readIndex(RaftCore r, MsgReadIndex m) {
        if (!Replication.committedEntryInCurrentTerm(r)) {
            pendingReadIndex.add(m);
            RaftProbe.READ_INDEX_BEFORE_TERM_COMMIT.hit();
            return;
        }
        serveReadIndex(r, m);
    }

    private void serveReadIndex(RaftCore r, MsgReadIndex m) {
        if (r.tracker.isSingleton()) {
            respondToReadIndex(r, m, r.log.committed());
            return;
        }
        if (readOnly.option() == ReadOnlyOption.LEASE_BASED && leaseCovers(r, r.clockTicks())) {
            RaftProbe.LEASE_READ_SERVED.hit();
            respondToReadIndex(r, m, r.log.committed());
            return;
        }
        readOnly.addRequest(r.log.committed(), m);
        readOnly.recvAck(r.id, m.context());
        Replication.broadcastHeartbeat(r, m.context());
    }

    void releasePendingReadIndexMessages(RaftCore r) {
        if (pendingReadIndex.isEmpty() || !Replication.committedEntryInCurrentTerm(r)) {
            return;
        }
        List<MsgReadIndex> pending = List.copyOf(pendingReadIndex);
        pendingReadIndex.clear();
        for (MsgReadIndex m : pending) {
            serveReadIndex(r, m);
        }
    }

    private void respondToReadIndex(RaftCore r, MsgReadIndex req, long index) {
        // A request from the application (no sender) or from ourselves is answered locally.
        if (req.from() == Message.NONE || req.from() == r.id) {
            r.addReadState(new ReadState(index, req.context()));
        } else {
            r.send(new MsgReadIndexResp(r.id, req.from(), r.term, index, req.context()));
        }
    }

    /**
     * Thesis §3.10: bring the transferee up to date, then tell it to campaign (TimeoutNow). Never to a
     * learner, which cannot campaign (thesis §4.2.1).
     */
    private void transferLeader(RaftCore r, long to, Progress pr) {
        if (r.tracker.isLearner(to)) {
            return;
        }
        if (transferee != Message.NONE) {
            if (transferee == to) {
                return;
            }
            transferee = Message.NONE;
        }
        if (to == r.id) {
            return;
        }
        // The transfer must finish within one election timeout, or it is abandoned (tick).
        r.electionTimer.zero();
        transferee = to;
        if (pr.match() == r.log.lastIndex()) {
            sendTimeoutNow(r, to);
        } else {
            Replication.sendAppend(r, to, true);
        }
    }
}
