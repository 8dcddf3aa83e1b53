package io.stormglass.raft.harness;

import io.stormglass.raft.StateRole;
import io.stormglass.raft.internal.RaftLog;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.storage.StorageException;
import java.util.List;
import java.util.TreeMap;

/**
 * Raft's safety properties (§5.4, Figure 3), checked against the live members after every step:
 * election safety, log matching, state-machine safety (committed entries never change) and leader
 * completeness. Keeps the history it needs (leaders per term, every entry ever seen committed).
 */
public final class SafetyChecker {
    private final TreeMap<Long, Long> leaderOfTerm = new TreeMap<>();
    /** Entry committed at each index, and the smallest term of a member that saw it committed. */
    private final TreeMap<Long, Entry> committed = new TreeMap<>();
    private final TreeMap<Long, Long> committedSeenAtTerm = new TreeMap<>();
    /** Per member: the leader term and commit index seen at the previous check (-1 if not leader). */
    private final TreeMap<Long, long[]> leaderCommitSeen = new TreeMap<>();
    private long checks;

    public long checks() {
        return checks;
    }

    /** How many terms had a leader so far. */
    public int leaderTerms() {
        return leaderOfTerm.size();
    }

    public TreeMap<Long, Entry> committed() {
        return committed;
    }

    public void check(RaftCluster c) {
        checks++;
        List<SimNode> up = c.members().stream().filter(SimNode::isUp).toList();
        for (SimNode n : up) {
            var core = n.node().core();
            if (core.state() == StateRole.LEADER) {
                Long prev = leaderOfTerm.putIfAbsent(core.term(), n.id);
                if (prev != null && prev != n.id) {
                    throw new AssertionError("election safety: leaders " + prev + " and " + n.id + " in term " + core.term());
                }
            }
            recordCommitted(n, core.log(), core.term());
            commitRule(n.id, core.state() == StateRole.LEADER ? core.term() : -1, core.log());
        }
        for (int i = 0; i < up.size(); i++) {
            for (int j = i + 1; j < up.size(); j++) {
                logMatching(up.get(i), up.get(j));
            }
        }
        for (SimNode n : up) {
            var core = n.node().core();
            if (core.state() == StateRole.LEADER) {
                leaderCompleteness(n, core.log(), core.term());
            }
            for (Entry e : n.applied()) {
                Entry ce = committed.get(e.index());
                if (e.index() > 0 && ce != null && !ce.equals(e)) {
                    throw new AssertionError("state machine safety: " + n.id + " applied " + e + " but " + ce + " was committed");
                }
            }
        }
    }

    private void recordCommitted(SimNode n, RaftLog log, long term) {
        long from = Math.max(1, log.firstIndex());
        for (long i = from; i <= log.committed(); i++) {
            Entry e = log.entries(i, 1).get(0);
            Entry prev = committed.putIfAbsent(i, e);
            if (prev == null) {
                committedSeenAtTerm.put(i, term);
            } else if (!prev.equals(e)) {
                throw new AssertionError("committed entry changed at " + i + ": " + prev + " then " + e + " on " + n.id);
            } else if (term < committedSeenAtTerm.get(i)) {
                committedSeenAtTerm.put(i, term);
            }
        }
    }

    /**
     * §5.4.2: a leader advances its commit index only to an entry of its own term (previous-term
     * entries are committed indirectly, never by counting replicas).
     */
    private void commitRule(long id, long leaderTerm, RaftLog log) {
        long[] prev = leaderCommitSeen.put(id, new long[] {leaderTerm, log.committed()});
        if (leaderTerm < 0 || prev == null || prev[0] != leaderTerm || log.committed() <= prev[1]) {
            return;
        }
        if (termOf(log, log.committed()) != leaderTerm) {
            throw new AssertionError("§5.4.2: leader " + id + " of term " + leaderTerm + " advanced its commit index to "
                    + log.committed() + " whose entry has term " + termOf(log, log.committed()));
        }
    }

    /** §5.3 Log Matching: same index and term implies identical preceding entries. */
    private static void logMatching(SimNode a, SimNode b) {
        RaftLog la = a.node().core().log();
        RaftLog lb = b.node().core().log();
        long lo = Math.max(la.firstIndex(), lb.firstIndex());
        long hi = Math.min(la.lastIndex(), lb.lastIndex());
        long match = -1;
        for (long i = hi; i >= lo; i--) {
            if (termOf(la, i) == termOf(lb, i)) {
                match = i;
                break;
            }
        }
        for (long i = lo; i <= match; i++) {
            Entry ea = la.entries(i, 1).get(0);
            Entry eb = lb.entries(i, 1).get(0);
            if (!ea.equals(eb)) {
                throw new AssertionError("log matching: " + a.id + " and " + b.id + " agree at " + match
                        + " but differ at " + i + ": " + ea + " vs " + eb);
            }
        }
    }

    private static long termOf(RaftLog log, long index) {
        try {
            return log.term(index);
        } catch (StorageException e) {
            return -1;
        }
    }

    /** §5.4 Leader Completeness: a leader of a later term holds every committed entry. */
    private void leaderCompleteness(SimNode n, RaftLog log, long term) {
        for (var e : committed.entrySet()) {
            long index = e.getKey();
            if (term <= committedSeenAtTerm.get(index) || index < log.firstIndex()) {
                continue;
            }
            if (index > log.lastIndex() || termOf(log, index) != e.getValue().term()) {
                throw new AssertionError("leader completeness: leader " + n.id + " of term " + term + " lacks committed "
                        + e.getValue());
            }
        }
    }
}
