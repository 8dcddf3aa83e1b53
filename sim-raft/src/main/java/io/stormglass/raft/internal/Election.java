package io.stormglass.raft.internal;

import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgPreVote;
import io.stormglass.raft.message.MsgPreVoteResp;
import io.stormglass.raft.message.MsgVote;
import io.stormglass.raft.message.MsgVoteResp;
import io.stormglass.raft.message.VoteRequest;
import io.stormglass.raft.probe.RaftProbe;

/** Elections (§5.2, §5.4.1, thesis §9.6): asking for votes, and granting them. */
final class Election {
    private Election() {
    }

    /**
     * §5.2 asks every voter for its vote (thesis §9.6: a PreVote round first, without changing the term);
     * while joint, the voters of both sides (thesis §4.3). Learners are not asked (thesis §4.2.1).
     */
    static void campaign(RaftCore r, boolean pre, boolean transfer) {
        long voteTerm;
        if (pre) {
            r.becomePreCandidate();
            voteTerm = r.term + 1;
        } else {
            r.becomeCandidate();
            voteTerm = r.term;
        }
        long lastIndex = r.log.lastIndex();
        long lastTerm = r.log.lastTerm();
        for (long voter : r.tracker.voters().ids()) {
            if (voter == r.id) {
                // Our own vote counts only once our term and vote are persisted.
                r.send(pre ? new MsgPreVoteResp(r.id, r.id, voteTerm, false) : new MsgVoteResp(r.id, r.id, voteTerm, false));
            } else {
                r.send(pre ? new MsgPreVote(r.id, voter, voteTerm, lastTerm, lastIndex, transfer)
                        : new MsgVote(r.id, voter, voteTerm, lastTerm, lastIndex, transfer));
            }
        }
    }

    /**
     * §5.2 one vote per term, first-come; §5.4.1 only for a log at least as up-to-date as ours. A learner
     * answers too, as etcd-io/raft's does: a candidate asks it only if the candidate's configuration, which
     * may be newer than ours, made it a voter; a candidate that knows it as a learner never counts it.
     */
    static void stepVote(RaftCore r, VoteRequest v) {
        boolean canVote = r.vote == v.from()
                || (r.vote == Message.NONE && r.lead == Message.NONE)
                || (v.pre() && v.term() > r.term);
        if (canVote && r.log.isUpToDate(v.lastLogIndex(), v.lastLogTerm())) {
            r.send(v.pre() ? new MsgPreVoteResp(r.id, v.from(), v.term(), false) : new MsgVoteResp(r.id, v.from(), v.term(), false));
            if (!v.pre()) {
                r.restartElectionTimer();
                r.vote = v.from();
            }
        } else {
            probeRefusal(r, v, canVote);
            r.send(v.pre() ? new MsgPreVoteResp(r.id, v.from(), r.term, true) : new MsgVoteResp(r.id, v.from(), r.term, true));
        }
    }

    /** Marks why a vote was refused (coverage probes only). */
    private static void probeRefusal(RaftCore r, VoteRequest v, boolean canVote) {
        if (v.pre()) {
            RaftProbe.PRE_VOTE_REFUSED.hit();
        }
        if (canVote) {
            RaftProbe.VOTE_REFUSED_STALE_LOG.hit();
        } else if (!v.pre() && r.vote != Message.NONE) {
            RaftProbe.VOTE_REFUSED_ALREADY_VOTED.hit();
        }
    }
}
