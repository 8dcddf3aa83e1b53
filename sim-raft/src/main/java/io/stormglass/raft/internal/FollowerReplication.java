package io.stormglass.raft.internal;

import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgHeartbeatResp;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.probe.RaftProbe;

/**
 * The receiving side of replication (§5.3, §7), shared by followers and candidates: append with the
 * consistency check, learn the commit index from heartbeats, install snapshots.
 */
final class FollowerReplication {
    private FollowerReplication() {
    }

    /**
     * §5.3 AppendEntries receiver: reply false if the log does not contain an entry at
     * {@code m.index} with term {@code m.logTerm} (with a hint for fast backtracking), otherwise
     * append, truncating conflicts, and advance the commit index. Appends below our commit index are
     * stale and answered with it.
     */
    static void handleAppendEntries(RaftCore r, MsgApp m) {
        if (m.index() < r.log.committed()) {
            RaftProbe.APPEND_BELOW_COMMIT.hit();
            r.send(MsgAppResp.accept(r.id, m.from(), r.term, r.log.committed()));
            return;
        }
        var lastNew = r.log.maybeAppend(m.index(), m.logTerm(), m.commit(), m.entries());
        if (lastNew.isPresent()) {
            r.send(MsgAppResp.accept(r.id, m.from(), r.term, lastNew.getAsLong()));
            return;
        }
        RaftProbe.APPEND_REJECTED.hit();
        long hintIndex = Math.min(m.index(), r.log.lastIndex());
        long[] hint = r.log.findConflictByTerm(hintIndex, m.logTerm());
        r.send(new MsgAppResp(r.id, m.from(), r.term, m.index(), true, hint[0], hint[1]));
    }

    /**
     * §5.2 heartbeat: learn the (match-bounded) commit index and echo the ReadIndex context and the send
     * tick. The caller has reset the election timer: from now on this member refuses votes for an
     * election timeout (RaftCore.step's "in lease" rule), which is the promise the leader's lease spends.
     */
    static void handleHeartbeat(RaftCore r, MsgHeartbeat m) {
        r.log.commitTo(m.commit());
        r.send(new MsgHeartbeatResp(r.id, m.from(), r.term, m.context(), m.sentTick()));
    }

    /** §7 InstallSnapshot receiver: answer with the index we now hold. */
    static void handleSnapshot(RaftCore r, MsgSnap m) {
        if (restore(r, m.snapshot())) {
            r.send(MsgAppResp.accept(r.id, m.from(), r.term, r.log.lastIndex()));
        } else {
            r.send(MsgAppResp.accept(r.id, m.from(), r.term, r.log.committed()));
        }
    }

    /**
     * §7: installs a snapshot unless our log already covers it, and adopts the configuration it carries
     * (thesis §5.1); returns whether it was installed. A snapshot whose configuration does not name this
     * member is refused (etcd's defence: the core assumes it tracks itself).
     */
    private static boolean restore(RaftCore r, Snapshot s) {
        if (s.index() <= r.log.committed()) {
            RaftProbe.SNAPSHOT_ALREADY_COVERED.hit();
            return false;
        }
        if (r.state != StateRole.FOLLOWER) {
            // Defensive, as etcd: only followers install snapshots.
            r.becomeFollower(r.term + 1, Message.NONE);
            return false;
        }
        if (!s.metadata().confState().contains(r.id)) {
            return false;
        }
        if (r.log.matchTerm(s.index(), s.term())) {
            // Our log already holds the snapshot's last entry: just fast-forward the commit index.
            RaftProbe.SNAPSHOT_FAST_FORWARD.hit();
            r.log.commitTo(s.index());
            return false;
        }
        r.log.restore(s);
        Reconfiguration.restore(r, s.metadata().confState());
        RaftProbe.SNAPSHOT_INSTALLED.hit();
        return true;
    }
}
