package io.stormglass.raft.internal;

import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.VoteResponse;
import io.stormglass.raft.quorum.VoteResult;

/**
 * Candidate and PreCandidate rules (§5.2, thesis §9.6): count votes; a leader of our term (or a
 * higher one) makes us follow.
 */
final class CandidateRole implements Role {
    static final CandidateRole INSTANCE = new CandidateRole();

    private CandidateRole() {
    }

    @Override
    public void step(RaftCore r, Message m) {
        if (m instanceof MsgProp) {
            throw new ProposalDroppedException(ProposalDroppedException.Reason.NO_LEADER,
                    r.id + " is campaigning at term " + r.term);
        } else if (m instanceof MsgApp a) {
            r.becomeFollower(m.term(), m.from());
            FollowerReplication.handleAppendEntries(r, a);
        } else if (m instanceof MsgHeartbeat h) {
            r.becomeFollower(m.term(), m.from());
            FollowerReplication.handleHeartbeat(r, h);
        } else if (m instanceof MsgSnap s) {
            r.becomeFollower(m.term(), m.from());
            FollowerReplication.handleSnapshot(r, s);
        } else if (m instanceof VoteResponse v) {
            boolean pre = r.state == StateRole.PRE_CANDIDATE;
            if (v.pre() != pre) {
                return;
            }
            r.tracker.recordVote(m.from(), !v.reject());
            VoteResult result = r.tracker.tallyVotes();
            if (result == VoteResult.WON) {
                if (pre) {
                    Election.campaign(r, false, false);
                } else {
                    r.becomeLeader();
                    Replication.broadcastAppend(r);
                }
            } else if (result == VoteResult.LOST) {
                // A rejection may carry a higher term, handled in step(); here we stop campaigning.
                r.becomeFollower(r.term, Message.NONE);
            }
        }
        // MsgTimeoutNow is ignored: we are already campaigning.
    }
}
