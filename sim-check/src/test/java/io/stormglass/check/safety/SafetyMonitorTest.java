package io.stormglass.check.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.Simulation;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monitor fed by hand: each invariant is reported when broken, and a healthy run reports nothing. */
class SafetyMonitorTest {
    private final SafetyMonitor monitor = new SafetyMonitor(new Simulation(), List.of(1, 2, 3));

    private static Entry e(long term, long index, String data) {
        return Entry.normal(term, index, data.getBytes(StandardCharsets.UTF_8));
    }

    private static Entry put(long term, long index, String key, String value) {
        return Entry.normal(term, index, KvCodec.encode(new KvCodec.Proposal(index, new KvCommand.Put(key, value, 0))));
    }

    private List<Invariant> found() {
        return monitor.violations().stream().map(SafetyViolation::invariant).toList();
    }

    /** Three members replicate and apply two entries of term 1; a client's write is acknowledged. */
    private void healthyTerm1() {
        monitor.softStateChanged(1, 1, 1, StateRole.LEADER);
        for (int m = 1; m <= 3; m++) {
            monitor.persisted(m, new HardState(1, 1, 0), List.of(e(1, 1, ""), put(1, 2, "k", "v1")));
        }
        monitor.persisted(1, new HardState(1, 1, 2), List.of());
        for (int m = 1; m <= 3; m++) {
            monitor.softStateChanged(m, 1, 1, m == 1 ? StateRole.LEADER : StateRole.FOLLOWER);
            monitor.applied(m, e(1, 1, ""));
            monitor.applied(m, put(1, 2, "k", "v1"));
        }
        monitor.writeAcknowledged(1001, "k", "v1");
    }

    @Test
    void aHealthyRunHasNoViolation() {
        healthyTerm1();
        // n1 crashes and recovers everything it synced; n2 wins term 2 holding the committed entries
        monitor.recovered(1, 0, 0, new HardState(1, 1, 2), List.of(e(1, 1, ""), put(1, 2, "k", "v1")));
        monitor.softStateChanged(2, 2, 2, StateRole.LEADER);
        monitor.persisted(2, new HardState(2, 2, 2), List.of(e(2, 3, "")));
        assertEquals(List.of(), monitor.violations());
        assertEquals(2, monitor.committedEntries());
        assertEquals(1, monitor.acknowledgedWrites());
        assertEquals(2, monitor.termsWithLeader());
        assertTrue(monitor.eventsChecked() > 15);
    }

    @Test
    void twoLeadersInOneTerm() {
        monitor.softStateChanged(1, 4, 1, StateRole.LEADER);
        monitor.softStateChanged(3, 4, 1, StateRole.FOLLOWER);
        assertTrue(monitor.ok());
        monitor.softStateChanged(2, 4, 2, StateRole.LEADER);
        assertEquals(List.of(Invariant.ELECTION_SAFETY), found());
        assertEquals(List.of(1, 2), monitor.violations().get(0).members());
    }

    @Test
    void aSecondVoteInOneTerm() {
        monitor.persisted(2, new HardState(3, 1, 0), List.of());
        monitor.persisted(2, new HardState(3, 1, 0), List.of());
        assertTrue(monitor.ok());
        monitor.persisted(2, new HardState(3, 3, 0), List.of());
        assertEquals(List.of(Invariant.SINGLE_VOTE), found());
    }

    @Test
    void logsThatAgreeOnAnEntryButNotOnWhatPrecedesIt() {
        monitor.persisted(1, new HardState(2, 1, 0), List.of(e(1, 1, "a"), e(2, 2, "b")));
        monitor.persisted(2, new HardState(2, 1, 0), List.of(e(2, 1, "c"), e(2, 2, "b")));
        assertEquals(List.of(Invariant.LOG_MATCHING), found());
    }

    @Test
    void twoEntriesWithOneIndexAndTerm() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a")));
        monitor.persisted(2, new HardState(1, 1, 0), List.of(e(1, 1, "b")));
        assertEquals(List.of(Invariant.LOG_MATCHING), found());
    }

    @Test
    void membersApplyingDifferentEntriesAtOneIndex() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a")));
        monitor.persisted(2, new HardState(1, 1, 0), List.of(e(1, 1, "a")));
        monitor.persisted(3, new HardState(2, 3, 0), List.of(e(2, 1, "b")));
        monitor.applied(1, e(1, 1, "a"));
        monitor.applied(3, e(2, 1, "b"));
        assertTrue(found().contains(Invariant.STATE_MACHINE_SAFETY), found().toString());
    }

    @Test
    void anEntryAppliedBeforeAQuorumPersistedIt() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a")));
        monitor.applied(1, e(1, 1, "a"));
        assertEquals(List.of(Invariant.QUORUM_DURABILITY), found());
    }

    @Test
    void appliedOutOfOrder() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a"), e(1, 2, "b")));
        monitor.persisted(2, new HardState(1, 1, 0), List.of(e(1, 1, "a"), e(1, 2, "b")));
        monitor.applied(1, e(1, 2, "b"));
        assertEquals(List.of(Invariant.APPLY_ORDER), found());
    }

    @Test
    void aRebootThatLosesASyncedEntryOrVote() {
        monitor.persisted(1, new HardState(2, 1, 0), List.of(e(1, 1, "a"), e(2, 2, "b")));
        monitor.recovered(1, 0, 0, new HardState(2, 1, 0), List.of(e(1, 1, "a")));
        monitor.recovered(1, 0, 0, new HardState(2, 3, 0), List.of(e(1, 1, "a")));
        assertEquals(List.of(Invariant.CRASH_DURABILITY, Invariant.CRASH_DURABILITY), found());
    }

    /**
     * A follower overwrote an uncommitted entry (conflict truncation, §5.3) and crashed before the write was
     * synced: a process crash keeps the page cache, so either log may come back (CI seed, 5 members,
     * keep-unsynced crash: "n3 synced entry 1/41 ... but recovered 3/41").
     */
    @Test
    void aRebootMayKeepAnOverwriteThatWasBeingWritten() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a"), e(1, 2, "b"), e(1, 3, "c")));
        monitor.persisting(1, new HardState(3, 0, 0), List.of(e(3, 2, "x")));
        monitor.recovered(1, 0, 0, new HardState(3, 0, 0), List.of(e(1, 1, "a"), e(3, 2, "x")));
        assertTrue(monitor.ok(), monitor.violations().toString());
    }

    @Test
    void anOverwriteNobodyWroteOrThatCompletedIsNoExcuse() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a"), e(1, 2, "b")));
        monitor.recovered(1, 0, 0, new HardState(1, 1, 0), List.of(e(1, 1, "a"), e(3, 2, "x")));
        monitor.persisting(1, new HardState(3, 0, 0), List.of(e(3, 2, "x")));
        monitor.persisted(1, new HardState(3, 0, 0), List.of(e(3, 2, "x")));
        monitor.recovered(1, 0, 0, new HardState(3, 0, 0), List.of(e(1, 1, "a"), e(1, 2, "b")));
        assertEquals(List.of(Invariant.CRASH_DURABILITY, Invariant.CRASH_DURABILITY), found());
    }

    @Test
    void aRebootFromASnapshotNeedNotReturnTheEntriesItCovers() {
        monitor.persisted(1, new HardState(2, 1, 0), List.of(e(1, 1, "a"), e(2, 2, "b"), e(2, 3, "c")));
        monitor.recovered(1, 2, 2, new HardState(2, 1, 2), List.of(e(2, 3, "c")));
        assertTrue(monitor.ok(), monitor.violations().toString());
    }

    @Test
    void aCommittedEntryOverwritten() {
        healthyTerm1();
        monitor.persisted(3, new HardState(2, 2, 0), List.of(e(2, 2, "other")));
        assertTrue(found().contains(Invariant.COMMITTED_ENTRY_CHANGED), found().toString());
    }

    @Test
    void aLeaderWithoutACommittedEntry() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a")));
        monitor.persisted(2, new HardState(1, 1, 1), List.of(e(1, 1, "a")));
        monitor.softStateChanged(3, 2, 3, StateRole.LEADER);
        monitor.persisted(3, new HardState(2, 3, 0), List.of(e(2, 1, "")));
        assertTrue(found().contains(Invariant.LEADER_COMPLETENESS), found().toString());
    }

    /** n1 and n2 hold 1/1 and 2/2 from earlier leaders, 1 committed; n1 wins term 3. */
    private void n1LeadsTerm3OverEntriesOfTerms1And2() {
        monitor.persisted(1, new HardState(2, 2, 0), List.of(e(1, 1, "a"), e(2, 2, "b")));
        monitor.persisted(2, new HardState(2, 2, 1), List.of(e(1, 1, "a"), e(2, 2, "b")));
        monitor.persisted(1, new HardState(2, 2, 1), List.of());
        monitor.softStateChanged(1, 3, 1, StateRole.LEADER);
    }

    @Test
    void aLeaderCommittingAnEntryOfAnEarlierTermByCounting() {
        // as leader of term 3, n1 may inherit commit 1, not advance to 2
        n1LeadsTerm3OverEntriesOfTerms1And2();
        monitor.persisted(1, new HardState(3, 1, 1), List.of());
        assertTrue(monitor.ok(), monitor.violations().toString());
        monitor.persisted(1, new HardState(3, 1, 2), List.of());
        assertEquals(List.of(Invariant.COMMIT_RULE), found());
        assertEquals(1, monitor.violations(Invariant.COMMIT_RULE).size());
        assertEquals(List.of(), monitor.violations(Invariant.ELECTION_SAFETY));
    }

    @Test
    void aLeaderCommittingItsOwnTermIsFine() {
        n1LeadsTerm3OverEntriesOfTerms1And2();
        monitor.persisted(1, new HardState(3, 1, 1), List.of(e(3, 3, "")));
        monitor.persisted(2, new HardState(3, 1, 1), List.of(e(3, 3, "")));
        monitor.persisted(1, new HardState(3, 1, 3), List.of());
        assertTrue(monitor.ok(), monitor.violations().toString());
    }

    @Test
    void anAcknowledgedWriteThatNoEntryCarries() {
        healthyTerm1();
        monitor.writeAcknowledged(1002, "k", "never-written");
        assertEquals(List.of(Invariant.ACKNOWLEDGED_WRITE), found());
        assertEquals(1, monitor.acknowledgedWrites());
    }

    @Test
    void anInstalledSnapshotCountsAsDurableForTheEntriesItCovers() {
        monitor.persisted(1, new HardState(1, 1, 0), List.of(e(1, 1, "a"), e(1, 2, "b")));
        monitor.installedSnapshot(2, 2, 1);
        monitor.applied(1, e(1, 1, "a"));
        monitor.applied(1, e(1, 2, "b"));
        assertTrue(monitor.ok(), monitor.violations().toString());
    }

    @Test
    void violationsBeyondTheCapAreCountedNotKept() {
        for (int t = 1; t <= SafetyMonitor.MAX_KEPT_VIOLATIONS + 5; t++) {
            monitor.softStateChanged(1, t, 1, StateRole.LEADER);
            monitor.softStateChanged(2, t, 2, StateRole.LEADER);
        }
        assertEquals(SafetyMonitor.MAX_KEPT_VIOLATIONS, monitor.violations().size());
        assertEquals(5, monitor.droppedViolations());
    }
}
