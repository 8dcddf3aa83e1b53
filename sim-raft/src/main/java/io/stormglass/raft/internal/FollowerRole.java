package io.stormglass.raft.internal;

import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgReadIndexResp;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.MsgTimeoutNow;
import io.stormglass.raft.message.MsgTransferLeader;

/** Follower rules (§5.2, §5.3): accept the leader's log, forward client requests to it. */
final class FollowerRole implements Role {
    static final FollowerRole INSTANCE = new FollowerRole();

    private FollowerRole() {
    }

    @Override
    public void step(RaftCore r, Message m) {
        if (m instanceof MsgProp p) {
            if (r.lead == Message.NONE) {
                throw new ProposalDroppedException(ProposalDroppedException.Reason.NO_LEADER,
                        r.id + " no leader at term " + r.term);
            }
            if (r.config.disableProposalForwarding()) {
                throw new ProposalDroppedException(ProposalDroppedException.Reason.FORWARDING_DISABLED,
                        r.id + " not forwarding to leader " + r.lead + " at term " + r.term);
            }
            r.send(new MsgProp(r.id, r.lead, 0, p.entries()));
        } else if (m instanceof MsgApp a) {
            // §5.2: hearing from the current leader resets the election timer.
            r.restartElectionTimer();
            r.lead = m.from();
            FollowerReplication.handleAppendEntries(r, a);
        } else if (m instanceof MsgHeartbeat h) {
            r.restartElectionTimer();
            r.lead = m.from();
            FollowerReplication.handleHeartbeat(r, h);
        } else if (m instanceof MsgSnap s) {
            r.restartElectionTimer();
            r.lead = m.from();
            FollowerReplication.handleSnapshot(r, s);
        } else if (m instanceof MsgTransferLeader t) {
            if (r.lead != Message.NONE) {
                r.send(new MsgTransferLeader(t.from(), r.lead, r.term));
            }
        } else if (m instanceof MsgTimeoutNow) {
            // Thesis §3.10: campaign at once, skipping PreVote, overriding the lease of the others.
            r.hup(true);
        } else if (m instanceof MsgReadIndex ri) {
            if (r.lead != Message.NONE) {
                r.send(new MsgReadIndex(ri.from() == Message.NONE ? r.id : ri.from(), r.lead, 0, ri.context()));
            }
        } else if (m instanceof MsgReadIndexResp rr) {
            r.addReadState(new ReadState(rr.index(), rr.context()));
        }
    }
}
