package io.stormglass.check.safety;

import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Raft rules of a {@link SafetyMonitor}, checked on what members report: election safety and
 * single votes (§5.2), log matching and contiguity (§5.3), leader completeness (§5.4), the commit rule
 * (§5.4.2), state-machine safety (§5.4.3), committed-entry stability, apply order, quorum and crash
 * durability, and the durability of acknowledged writes. It keeps a model of each member's durable log
 * ({@link DurableLog}) and of everything known to be committed ({@link CommittedLog}); memory grows with
 * the committed entries.
 */
final class RaftLogChecks {
    private final Violations violations;
    /** Configurations by the index whose apply set them (0: the initial cluster), as members reported them. */
    private final TreeMap<Long, ConfState> configs = new TreeMap<>();
    private final TreeMap<Integer, DurableLog> logs = new TreeMap<>();
    private final TreeMap<Integer, Long> appliedIndex = new TreeMap<>();
    private final TreeMap<Long, Integer> leaderOfTerm = new TreeMap<>();
    private final TreeSet<Long> completenessChecked = new TreeSet<>();
    /** Per member leading a term: {term, commit index when it first persisted as leader}. */
    private final TreeMap<Integer, long[]> leaderCommit = new TreeMap<>();
    private final CommittedLog committed = new CommittedLog();
    private long maxTermSeen;
    private long acknowledgedWrites;

    RaftLogChecks(Violations violations, List<Integer> members) {
        this.violations = violations;
        configs.put(0L, ConfState.ofVoters(members.stream().map(Integer::longValue).toList()));
        for (int m : members) {
            logs.put(m, new DurableLog());
            appliedIndex.put(m, 0L);
        }
    }

    int committedEntries() {
        return committed.size();
    }

    int termsWithLeader() {
        return leaderOfTerm.size();
    }

    long acknowledgedWrites() {
        return acknowledgedWrites;
    }

    /** A client was told its write of {@code value} to {@code key} took effect: it must be in a committed entry. */
    void writeAcknowledged(int client, String key, String value) {
        long index = committed.acknowledge(key, value);
        if (index < 0) {
            violations.add(Invariant.ACKNOWLEDGED_WRITE, List.of(), "client " + client + " was told that writing \"" + value
                    + "\" to \"" + key + "\" succeeded, but no entry known to be committed writes it (an entry that"
                    + " conflicts with the one first committed at its index does not count)");
            return;
        }
        acknowledgedWrites++;
    }

    void softStateChanged(int member, long term, long leader, StateRole role) {
        maxTermSeen = Math.max(maxTermSeen, term);
        if (role == StateRole.LEADER) {
            claimLeader(term, member, member);
        } else if (leader != 0) {
            claimLeader(term, (int) leader, member);
        }
    }

    private void claimLeader(long term, int leader, int reportedBy) {
        Integer known = leaderOfTerm.putIfAbsent(term, leader);
        if (known != null && known != leader) {
            violations.add(Invariant.ELECTION_SAFETY, Violations.sorted(known, leader, reportedBy), "member " + reportedBy + " sees n" + leader
                    + " as leader of term " + term + ", but n" + known + " was leader of that term");
        }
    }

    void recovered(int member, long snapshotIndex, long snapshotTerm, HardState hardState, List<Entry> entries) {
        DurableLog log = log(member);
        if (hardState.term() < log.term() || (hardState.term() == log.term() && log.vote() != 0 && hardState.vote() != log.vote())) {
            violations.add(Invariant.CRASH_DURABILITY, List.of(member), "n" + member + " synced term " + log.term() + " vote "
                    + log.vote() + " but recovered term " + hardState.term() + " vote " + hardState.vote());
        }
        TreeMap<Long, Entry> back = new TreeMap<>();
        entries.forEach(e -> back.put(e.index(), e));
        for (Entry e : log.entries()) {
            Entry got = back.get(e.index());
            if (got != null && !got.equals(e) && log.wasBeingWritten(got)) {
                // The member was overwriting its log from here when it crashed, and the unsynced write
                // survived (a process crash keeps the page cache): the rest comes from that write.
                break;
            }
            if (e.index() > snapshotIndex && !e.equals(got)) {
                violations.add(Invariant.CRASH_DURABILITY, List.of(member), "n" + member + " synced entry " + EntryText.of(e)
                        + " but recovered " + EntryText.of(back.get(e.index()))
                        + " at index " + e.index() + " (snapshot " + snapshotIndex + ")");
                break;
            }
        }
        log.reset(snapshotIndex, snapshotTerm, hardState, entries);
        appliedIndex.put(member, snapshotIndex);
        maxTermSeen = Math.max(maxTermSeen, hardState.term());
        checkNewEntries(member, log.entries());
        learnCommitted(member, log, 0);
    }

    void installedSnapshot(int member, long index, long term) {
        DurableLog log = log(member);
        for (Entry e : log.installSnapshot(index, term)) {
            CommittedLog.Committed c = committed.at(e.index());
            if (e.index() > index && c != null && c.entry().equals(e)) {
                violations.add(Invariant.COMMITTED_ENTRY_CHANGED, List.of(member), "n" + member + " installed snapshot " + index
                        + "/" + term + " and discarded the committed entry " + EntryText.of(e) + " after it");
            }
        }
    }

    /** A member issued the WAL write of {@code entries}; see {@link #recovered} for what a crash may keep. */
    void persisting(int member, List<Entry> entries) {
        log(member).writing(entries);
    }

    void persisted(int member, HardState hardState, List<Entry> entries) {
        DurableLog log = log(member);
        log.written(entries);
        if (hardState != null) {
            checkVote(member, log, hardState);
            maxTermSeen = Math.max(maxTermSeen, hardState.term());
        }
        if (!entries.isEmpty()) {
            long first = entries.get(0).index();
            if (first > log.lastIndex() + 1) {
                violations.add(Invariant.LOG_CONTIGUITY, List.of(member), "n" + member + " appended entries from " + first
                        + " to a log that ends at " + log.lastIndex());
            }
            long lastNew = entries.get(entries.size() - 1).index();
            for (Entry removed : log.append(entries)) {
                CommittedLog.Committed c = committed.at(removed.index());
                boolean replacedSame = removed.index() <= lastNew && removed.equals(log.at(removed.index()));
                if (c != null && c.entry().equals(removed) && !replacedSame) {
                    Entry now = log.at(removed.index());
                    violations.add(Invariant.COMMITTED_ENTRY_CHANGED, List.of(member), "n" + member + " replaced the committed entry "
                            + EntryText.of(removed) + " with " + (now == null ? "nothing (its log was cut at " + (first - 1) + ")" : EntryText.of(now)));
                }
            }
            checkNewEntries(member, entries);
        }
        long prevCommit = log.commit();
        if (hardState != null) {
            log.setHardState(hardState);
        }
        learnCommitted(member, log, prevCommit);
        boolean leads = Integer.valueOf(member).equals(leaderOfTerm.get(log.term()));
        if (leads && !entries.isEmpty()) {
            checkLeaderCompleteness(member, log, entries);
        }
        if (leads && hardState != null) {
            checkCommitRule(member, log, hardState);
        }
    }

    void restoredSnapshot(int member, long index, long term) {
        appliedIndex.put(member, index);
    }

    void applied(int member, Entry entry) {
        long expected = appliedIndex.getOrDefault(member, 0L) + 1;
        if (entry.index() != expected) {
            violations.add(Invariant.APPLY_ORDER, List.of(member), "n" + member + " applied index " + entry.index() + " after "
                    + (expected - 1));
        }
        appliedIndex.put(member, entry.index());
        observeCommitted(member, entry, true);
    }

    // ---- the checks ----

    /**
     * §5.4.2. The first Ready a leader persists may carry a commit index it learnt as a follower;
     * from then on, within its term, the commit index may only move onto entries of that term.
     */
    private void checkCommitRule(int member, DurableLog log, HardState hs) {
        long[] base = leaderCommit.get(member);
        if (base == null || base[0] != hs.term()) {
            leaderCommit.put(member, new long[] {hs.term(), hs.commit()});
            return;
        }
        long entryTerm = log.termAt(hs.commit());
        if (hs.commit() > base[1] && entryTerm >= 0 && entryTerm != hs.term()) {
            violations.add(Invariant.COMMIT_RULE, List.of(member), "n" + member + ", leader of term " + hs.term()
                    + ", advanced its commit index from " + base[1] + " to " + hs.commit() + " whose entry has term " + entryTerm);
        }
        base[1] = Math.max(base[1], hs.commit());
    }

    /** §5.2: the durable vote of a term never changes once cast. */
    private void checkVote(int member, DurableLog log, HardState hs) {
        if (hs.term() < log.term()) {
            violations.add(Invariant.SINGLE_VOTE, List.of(member), "n" + member + " persisted term " + hs.term()
                    + " after term " + log.term());
        } else if (hs.term() == log.term() && log.vote() != 0 && hs.vote() != log.vote()) {
            violations.add(Invariant.SINGLE_VOTE, List.of(member), "n" + member + " voted for n" + log.vote() + " and then for n"
                    + hs.vote() + " in term " + hs.term());
        }
    }

    /**
     * §5.3 Log Matching, checked pairwise as entries arrive: an entry with the same index and term as
     * another member's must be the same entry and follow an entry of the same term. By induction
     * over every append this gives the whole property.
     */
    private void checkNewEntries(int member, List<Entry> entries) {
        DurableLog mine = log(member);
        for (Entry e : entries) {
            for (Map.Entry<Integer, DurableLog> other : logs.entrySet()) {
                if (other.getKey() == member) {
                    continue;
                }
                DurableLog theirs = other.getValue();
                if (theirs.termAt(e.index()) != e.term()) {
                    continue;
                }
                Entry oe = theirs.at(e.index());
                long myPrev = mine.termAt(e.index() - 1);
                long theirPrev = theirs.termAt(e.index() - 1);
                if (oe != null && !oe.equals(e)) {
                    violations.add(Invariant.LOG_MATCHING, Violations.sorted(member, other.getKey()), "n" + member + " holds " + EntryText.of(e) + " and n"
                            + other.getKey() + " holds " + EntryText.of(oe) + ": same index and term, different entries");
                } else if (myPrev >= 0 && theirPrev >= 0 && myPrev != theirPrev) {
                    violations.add(Invariant.LOG_MATCHING, Violations.sorted(member, other.getKey()), "n" + member + " and n" + other.getKey()
                            + " agree on entry " + e.index() + "/" + e.term() + " but hold terms " + myPrev + " and " + theirPrev
                            + " at index " + (e.index() - 1));
                }
            }
        }
    }

    /** Entries up to the member's durable commit index are committed. */
    private void learnCommitted(int member, DurableLog log, long fromExclusive) {
        long to = Math.min(log.commit(), log.lastIndex());
        for (long i = Math.max(fromExclusive, log.snapshotIndex()) + 1; i <= to; i++) {
            Entry e = log.at(i);
            if (e != null) {
                observeCommitted(member, e, false);
            }
        }
    }

    private void observeCommitted(int member, Entry e, boolean applied) {
        if (committed.add(e, maxTermSeen, member)) {
            checkQuorumDurability(member, e);
            return;
        }
        CommittedLog.Committed known = committed.at(e.index());
        if (!known.entry().equals(e)) {
            String ack = known.acknowledged() ? " (it carried an acknowledged client write)" : "";
            violations.add(applied ? Invariant.STATE_MACHINE_SAFETY : Invariant.COMMITTED_ENTRY_CHANGED,
                    Violations.sorted(member, known.firstSeenBy()), "n" + member + (applied ? " applied " : " committed ") + EntryText.of(e)
                            + " but n" + known.firstSeenBy() + " had " + EntryText.of(known.entry()) + " committed at index " + e.index() + ack);
            if (known.acknowledged()) {
                violations.add(Invariant.ACKNOWLEDGED_WRITE, List.of(member), "the acknowledged write in " + EntryText.of(known.entry())
                        + " was replaced by " + EntryText.of(e) + " on n" + member);
            }
        }
    }

    /**
     * A committed entry must be durable on a quorum of a configuration that was in force before it: of the
     * latest configuration set below its index or of one of the {@link #CONFIGS_CHECKED} − 1 before it (a
     * leader counts with the configuration it has applied, which may lag the log by the changes it has not
     * applied yet). Learners and removed members never count; a joint configuration needs both majorities.
     */
    private void checkQuorumDurability(int member, Entry e) {
        List<Integer> holders = new ArrayList<>();
        for (Map.Entry<Integer, DurableLog> l : logs.entrySet()) {
            if (l.getValue().covers(e.index(), e.term())) {
                holders.add(l.getKey());
            }
        }
        List<ConfState> candidates = new ArrayList<>(configs.headMap(e.index(), false).descendingMap().values());
        candidates = candidates.subList(0, Math.min(CONFIGS_CHECKED, candidates.size()));
        if (candidates.stream().noneMatch(c -> isQuorum(c, holders))) {
            violations.add(Invariant.QUORUM_DURABILITY, List.of(member), "n" + member + " treats " + EntryText.of(e) + " as committed but only "
                    + holders + " had persisted it (not a quorum of " + candidates.get(0) + ")");
        }
    }

    /** Configurations checked for a quorum: the latest below an entry and those before it. */
    static final int CONFIGS_CHECKED = 3;

    private static boolean isQuorum(ConfState c, List<Integer> holders) {
        return majority(c.voters(), holders) && (c.votersOutgoing().isEmpty() || majority(c.votersOutgoing(), holders));
    }

    private static boolean majority(List<Long> voters, List<Integer> holders) {
        long have = voters.stream().filter(v -> holders.contains(v.intValue())).count();
        return have >= voters.size() / 2 + 1;
    }

    void configurationApplied(int member, long index, ConfState confState) {
        configs.putIfAbsent(index, confState);
    }

    private DurableLog log(int member) {
        appliedIndex.putIfAbsent(member, 0L);
        return logs.computeIfAbsent(member, m -> new DurableLog());
    }

    /**
     * §5.4 Leader Completeness, checked when a leader's first entry of its term reaches its disk:
     * everything before that entry in its log is what it was elected with.
     */
    private void checkLeaderCompleteness(int member, DurableLog log, List<Entry> entries) {
        long term = log.term();
        boolean ownTerm = entries.stream().anyMatch(e -> e.term() == term);
        if (!ownTerm || !completenessChecked.add(term)) {
            return;
        }
        for (CommittedLog.Committed c : committed.committedBefore(term)) {
            if (!log.covers(c.entry().index(), c.entry().term())) {
                Entry has = log.at(c.entry().index());
                violations.add(c.acknowledged() ? Invariant.ACKNOWLEDGED_WRITE : Invariant.LEADER_COMPLETENESS,
                        Violations.sorted(member, c.firstSeenBy()), "n" + member + " leads term " + term + " without the entry " + EntryText.of(c.entry())
                                + " committed by term " + c.committedBy() + (c.acknowledged() ? " and acknowledged to a client" : "")
                                + "; it holds " + EntryText.of(has) + " there");
            }
        }
    }
}
