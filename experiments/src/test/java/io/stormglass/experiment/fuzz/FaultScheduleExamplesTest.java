package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.run.ProgressListener;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixed schedules: the replay of a step-by-step run, what runs exercise, and what the checks catch. */
class FaultScheduleExamplesTest {
    private static final SafetySetup THREE = new SafetySetup(3, 7, "nvme", true, true);

    /** One fault of every kind, a few hundred milliseconds apart. */
    private static final List<Object[]> EVERY_KIND = List.of(
            new Object[] {300, new FaultDraw(FaultKind.CRASH, 0, 700, 0, 2)},
            new Object[] {200, new FaultDraw(FaultKind.REORDER, 0, 900, 0, 40)},
            new Object[] {400, new FaultDraw(FaultKind.PARTITION, 0, 1_200, 0b010, 0)},
            new Object[] {300, new FaultDraw(FaultKind.DUPLICATE, 0, 800, 0, 20)},
            new Object[] {500, new FaultDraw(FaultKind.DISK_STALL, 0, 600, 2, 0)},
            new Object[] {200, new FaultDraw(FaultKind.CLOCK_DRIFT, 0, 1_000, 1, 31)},
            new Object[] {300, new FaultDraw(FaultKind.FLAPPING, 0, 900, 0b100, 30)},
            new Object[] {400, new FaultDraw(FaultKind.PACKET_LOSS, 0, 700, 0, 9)},
            new Object[] {300, new FaultDraw(FaultKind.DISK_SLOW, 0, 900, 1, 18)},
            new Object[] {400, new FaultDraw(FaultKind.ONE_WAY, 0, 500, 0b001, 0)},
            new Object[] {300, new FaultDraw(FaultKind.CRASH, 0, 400, 1, 3)});

    private static ScheduledRun stepByStep(SafetySetup setup, List<Object[]> steps) {
        ScheduledRun run = new ScheduledRun(setup);
        for (Object[] step : steps) {
            run.inject((Integer) step[0], (FaultDraw) step[1]);
            assertEquals(List.of(), run.problemsSoFar());
        }
        return run;
    }

    /** Runs a failure the properties found once, kept as a fixed schedule (the file's header tells the story); its checks pass. */
    private static RunResult regression(String file) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("src/test/resources/regressions", file), List.of());
        RunResult r = Runner.run(s, Runner.Options.inMemory());
        assertTrue(r.checks().passed(), r.checks().describe());
        return r;
    }

    /** A follower's crash right after installing a snapshot. */
    @Test
    void aFollowerThatCrashesRightAfterInstallingASnapshotRecoversFromIt() throws Exception {
        regression("snapshot-install-then-crash.yaml");
    }

    /** The same story with a torn crash: the entries after the snapshot survived, its commit did not. */
    @Test
    void aFollowerWhoseTornCrashKeepsEntriesPastAnInstalledSnapshotStillBoots() throws Exception {
        RunResult r = regression("snapshot-install-then-torn-crash.yaml");
        assertEquals(2, r.checks().stats().crashes());
    }

    /** Membership campaign, seed 343: a single voter rebooted with a stale commit index served a stale read. */
    @Test
    void aSingleVoterRebootedWithAnUnsyncedCommitServesNoStaleRead() throws Exception {
        RunResult r = regression("single-voter-stale-read-after-reboot.yaml");
        assertEquals(2, r.checks().stats().crashes());
    }

    /** Membership campaign, seed 930: the last voter lost the commit of the removal that made it the last. */
    @Test
    void theLastVoterKeepsTheCommitOfTheRemovalThatLeftItAlone() throws Exception {
        RunResult r = regression("one-voter-loses-commit-of-last-removal.yaml");
        assertEquals(1, r.checks().stats().crashes());
    }

    /**
     * A fixed membership schedule (campaign seed 67, shrunk on mutation 19): a learner's promotion must not count
     * before it is applied. Mutation 19, which makes configurations take effect at append, fails it at once.
     */
    @Test
    void aPromotedLearnerCountsTowardsQuorumsOnlyOnceThePromotionIsApplied() throws Exception {
        RunResult r = regression("promotion-counted-at-append.yaml");
        assertTrue(r.recorder().timeline().eventsOf(TimelineEvent.FaultChanged.class).stream()
                .anyMatch(e -> e.description().equals("member promote n4: applied")), "the schedule promotes n4");
    }

    /** A client re-lists on a member ahead and re-watches a lagging one from a revision it has not applied yet. */
    @Test
    void aWatchFromARevisionTheMemberHasNotReachedGetsNothingBeforeIt() throws Exception {
        RunResult r = regression("rewatch-from-the-future-on-a-lagging-member.yaml");
        assertTrue(r.checks().stats().watchEvents() > 200, "the watch streams were checked: " + r.checks().describe());
    }

    @Test
    void aRunBuiltOneFaultAtATimeReplaysFromItsPrintedScenario(@TempDir Path dir) throws Exception {
        ScheduledRun run = stepByStep(THREE, EVERY_KIND);
        Scenario printed = run.scenario();
        RunResult live = run.finish();
        Path file = dir.resolve("replay.yaml");
        Files.writeString(file, ScenarioPrinter.print(printed), StandardCharsets.UTF_8);
        RunResult replay = Runner.run(ScenarioLoader.load(file, List.of()), Runner.Options.inMemory());
        assertEquals(live.fingerprint(), replay.fingerprint(), "the file replays the run event for event");
        assertEquals(live.events(), replay.events());
        assertEquals(live.checks().describe(), replay.checks().describe());
        assertEquals(11, printed.faults().size());
        assertTrue(live.checks().passed(), live.checks().describe());
    }

    /** The nemeses aimed at the rules print as ordinary actions and replay event for event. */
    @Test
    void theTargetedNemesesReplayFromTheirPrintedScenario(@TempDir Path dir) throws Exception {
        ScheduledRun run = stepByStep(THREE, List.of(
                new Object[] {1_200, new FaultDraw(FaultKind.ISOLATE_LEADER, 0, 900, 0, 0)},
                new Object[] {1_500, new FaultDraw(FaultKind.MOVE_LEADER, 0, 1, 1, 0)},
                new Object[] {600, new FaultDraw(FaultKind.CAMPAIGN, 0, 1, 2, 0)},
                new Object[] {900, new FaultDraw(FaultKind.LEADER_CRASH, 0, 700, 0, 2)}));
        Scenario printed = run.scenario();
        String yaml = ScenarioPrinter.print(printed);
        assertTrue(yaml.contains("move-leader: 2") && yaml.contains("campaign: 3") && yaml.contains("crash: leader"), yaml);
        RunResult live = run.finish();
        Path file = dir.resolve("targeted.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        RunResult replay = Runner.run(ScenarioLoader.load(file, List.of()), Runner.Options.inMemory());
        assertEquals(live.fingerprint(), replay.fingerprint(), "the file replays the run event for event");
        assertTrue(live.checks().passed(), live.checks().describe());
        assertEquals(1, live.checks().stats().crashes(), "the leader at 4.2 s crashed");
    }

    @Test
    void everyFaultKindIsExercisedAndTheRunStaysSafeAndLive() throws Exception {
        RunResult r = stepByStep(THREE, EVERY_KIND).finish();
        CheckReport c = r.checks();
        assertTrue(c.passed(), c.describe());
        assertEquals(2, c.stats().crashes());
        assertTrue(c.stats().acknowledgedWrites() > 100, c.describe());
        CheckResult.Linearizable lin = assertInstanceOf(CheckResult.Linearizable.class, c.linearizability());
        assertTrue(lin.operations() > 300, "checked " + lin.operations() + " operations");
        assertTrue(c.livenessNanos() >= 0 && c.livenessNanos() < 10_000_000_000L, c.describe());
    }

    @Test
    void aPowerLossOfEachMemberInTurnMovesLeadershipAndLosesNothingAcknowledged() throws Exception {
        // each member crashes once (one of them leads), losing, tearing or corrupting what it had not synced
        ScheduledRun run = stepByStep(THREE, List.of(
                new Object[] {1_000, new FaultDraw(FaultKind.CRASH, 0, 800, 0, 0)},
                new Object[] {2_000, new FaultDraw(FaultKind.CRASH, 0, 800, 1, 2)},
                new Object[] {2_000, new FaultDraw(FaultKind.CRASH, 0, 800, 2, 3)}));
        CheckReport c = run.finish().checks();
        assertTrue(c.passed(), c.describe());
        assertEquals(3, c.stats().crashes());
        assertTrue(c.stats().termsWithLeader() >= 2, "the crashed leader was replaced: " + c.describe());
        assertTrue(c.stats().committedEntries() > 100, c.describe());
    }

    @Test
    void aFollowerCutOffWhileTheLogIsCompactedCatchesUpThroughASnapshot() throws Exception {
        // n2 is cut off from the others for 3 s while the leader snapshots every 20 entries and keeps 5:
        // when the partition heals, the entries it needs are gone and only an InstallSnapshot brings it back
        Scenario s = THREE.scenario().withFaults(List.of(
                new FaultDraw(FaultKind.PARTITION, 1_000, 3_000, 0b010, 0).toFault(THREE.scenario())));
        Map<Integer, Integer> installed = new TreeMap<>();
        MemberObserver count = new MemberObserver() {
            @Override
            public void installedSnapshot(int member, long index, long term) {
                installed.merge(member, 1, Integer::sum);
            }
        };
        RunResult r = Runner.run(s, new Runner.Options(null, "", "", count, ProgressListener.NONE));
        assertTrue(r.checks().passed(), r.checks().describe());
        assertTrue(installed.getOrDefault(2, 0) >= 1, "n2 installed a snapshot: " + installed);
        assertEquals(List.of(2), List.copyOf(installed.keySet()), "only the cut-off member needed one");
    }

    @Test
    void aLivenessBoundNoClusterCanMeetFailsTheLivenessCheck() throws Exception {
        Scenario s = ScenarioLoader.load(SafetySetup.BASE, List.of("checks.liveness=1ms"));
        CheckReport c = Runner.run(s, Runner.Options.inMemory()).checks();
        assertEquals(List.of("LIVENESS"), c.failureKinds(), c.describe());
        assertTrue(c.describe().contains("no write was acknowledged and applied by every member"), c.describe());
    }
}
