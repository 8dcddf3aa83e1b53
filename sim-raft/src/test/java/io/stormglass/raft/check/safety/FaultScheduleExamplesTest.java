package io.stormglass.raft.check.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.check.linearizability.CheckResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixed schedules: what one run exercises, its determinism, and the failure report's shape. */
class FaultScheduleExamplesTest {
    private static final ClusterSetup THREE = new ClusterSetup(3, 1, 5_000, true, true);

    /**
     * Found by the suite (while checking mutation 05): n2, cut off, missed the snapshot the leader
     * sent it; the member never reported the snapshot's fate to Raft, so the leader kept n2 in
     * snapshot state, paused, for ever, and n2 never caught up.
     */
    private static final List<FaultAction> SNAPSHOT_LOST = List.of(
            new FaultAction(FaultAction.Kind.CRASH, 55, 352, 1, 0),
            new FaultAction(FaultAction.Kind.PARTITION, 689, 75, 0b110, 0),
            new FaultAction(FaultAction.Kind.FLAPPING, 7811, 234, 0b001, 16),
            new FaultAction(FaultAction.Kind.FLAPPING, 244, 5, 0b001, 22),
            new FaultAction(FaultAction.Kind.PARTITION, 150, 2426, 0b010, 0));

    @Test
    void aFollowerThatMissedASnapshotCatchesUp() {
        ScheduleRun.Outcome o = ScheduleRun.run(THREE, SNAPSHOT_LOST);
        assertTrue(o.passed(), o.report()); // liveness includes every member applying the final write
        assertTrue(o.livenessNanos() >= 0 && o.livenessNanos() < ScheduleRun.LIVENESS_BOUND_NANOS);
        assertTrue(o.acknowledgedWrites() > 50, "acknowledged " + o.acknowledgedWrites());
    }

    @Test
    void aLeaderPowerLossIsSurvivedAndChecked() {
        // n1..n3 are equally likely to lead; crash each in turn, losing unsynced writes, so that one crash hits a leader
        List<FaultAction> schedule = List.of(
                new FaultAction(FaultAction.Kind.CRASH, 1_000, 800, 0, 0),
                new FaultAction(FaultAction.Kind.CRASH, 3_000, 800, 1, 2),
                new FaultAction(FaultAction.Kind.CRASH, 5_000, 800, 2, 3));
        ScheduleRun.Outcome o = ScheduleRun.run(THREE, schedule);
        assertTrue(o.passed(), o.report());
        assertEquals(3, o.crashes());
        assertTrue(o.leaderTerms() >= 2, "a crashed leader was replaced: terms " + o.leaderTerms());
        assertTrue(o.committedEntries() > 100, "committed " + o.committedEntries());
        CheckResult.Linearizable lin = assertInstanceOf(CheckResult.Linearizable.class, o.linearizability());
        assertTrue(lin.operations() > 100, "checked " + lin.operations() + " operations");
    }

    @Test
    void aLivenessWriteStuckBehindAStalledDiskDoesNotHideProgress() {
        // n1's WAL stalls past the heal: the first liveness put (sent to n1) times out and is applied
        // after the second one was acknowledged; progress is judged by applied indexes, not values
        ClusterSetup five = new ClusterSetup(5, 1, 100, true, true);
        ScheduleRun.Outcome o = ScheduleRun.run(five, List.of(new FaultAction(FaultAction.Kind.DISK_STALL, 7034, 2966, 0, 0)));
        assertTrue(o.passed(), o.report());
        assertTrue(o.livenessNanos() >= 2_000_000_000L, "the first attempt waited for its 2 s deadline: " + o.livenessNanos());
    }

    @Test
    void theSameSetupAndScheduleGiveTheSameRun() {
        ScheduleRun.Outcome a = ScheduleRun.run(THREE, SNAPSHOT_LOST);
        ScheduleRun.Outcome b = ScheduleRun.run(THREE, SNAPSHOT_LOST);
        assertEquals(a.events(), b.events());
        assertEquals(a.operations(), b.operations());
        assertEquals(a.livenessNanos(), b.livenessNanos());
    }

    @Test
    void theReportIsAScenarioFaultTimeline() {
        ScheduleRun.Outcome o = ScheduleRun.run(THREE, SNAPSHOT_LOST);
        String yaml = o.report();
        assertTrue(yaml.contains("seed: 1\n"), yaml);
        assertTrue(yaml.contains("  pre-vote: true\n"), yaml);
        assertTrue(yaml.contains("faults:\n  - at: 55ms\n    for: 352ms\n    crash: {member: n2, mode: drop-unsynced}\n"), yaml);
        assertTrue(yaml.contains("partition: {kind: full, sides: [[n2, n3], [n1]]}"), yaml);
        assertTrue(yaml.contains("partition: {kind: flapping, sides: [[n1], [n2, n3]], period: 36ms}"), yaml);
        assertFalse(yaml.contains("violation"), yaml);
    }
}
