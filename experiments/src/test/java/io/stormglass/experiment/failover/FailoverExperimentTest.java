package io.stormglass.experiment.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.run.ProgressListener;
import io.stormglass.run.RunSession;
import io.stormglass.run.Runner;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Raft paper §9.3 on the library's Fig. 16 scenario (five plain-Raft members, survivors' logs of four lengths). */
class FailoverExperimentTest {
    private static final Path SCENARIO = Path.of("../scenarios/raft-paper-failover.yaml");

    @Test
    void crashesFallUniformlyWithinOneHeartbeatOfAQuietClusterWithTheSetupKept() {
        Scenario s = ScenarioLoader.load(SCENARIO);
        long hb = s.cluster().raft().heartbeatIntervalNanos();
        long windowStart = FailoverExperiment.crashWindowStartNanos(s);
        long below = 0;
        for (int i = 0; i < 200; i++) {
            FailoverExperiment.TrialPlan p = FailoverExperiment.plan(s, i);
            long offset = p.crashAtNanos() - windowStart;
            assertTrue(offset >= 0 && offset < hb, "offset " + offset);
            below += offset < hb / 2 ? 1 : 0;
            assertEquals(windowStart - s.cluster().raft().electionTimeoutNanos(), p.quietAtNanos());
            assertEquals(List.of(new FaultSpec.Campaign(FaultSpec.Timing.once(0, 0), 1),
                    withholdOneUntilCrash(1_000_000_000L, p), withholdOneUntilCrash(1_200_000_000L, p),
                    withholdOneUntilCrash(1_400_000_000L, p),
                    new FaultSpec.Partition(FaultSpec.Timing.once(p.quietAtNanos(), 0),
                            new NetworkFault.Split(List.of(new TreeSet<>(List.of(1, 2, 3, 4, 5)))), 0, false),
                    new FaultSpec.LeaderCrash(FaultSpec.Timing.once(p.crashAtNanos(), 0), CrashMode.DROP_UNSYNCED)),
                    p.scenario().faults(), "a first leader, the withholding until the crash, the clients cut off, the crash");
        }
        // uniform: about half of the crashes in each half of the interval (binomial sd ~7 of 200)
        assertTrue(below > 70 && below < 130, "crashes in the first half: " + below);
        assertNotEquals(FailoverExperiment.plan(s, 0).scenario().seed(), FailoverExperiment.plan(s, 1).scenario().seed());
    }

    private static FaultSpec withholdOneUntilCrash(long atNanos, FailoverExperiment.TrialPlan p) {
        return new FaultSpec.WithholdAppends(FaultSpec.Timing.once(atNanos, p.crashAtNanos() - atNanos), List.of(), 1);
    }

    // §9.3: "the servers in each trial had different log lengths": one follower after another is withheld from
    // (n5, then n4, then n3), so at the crash n2's log is the longest, then n3's, n4's and n5's.
    @Test
    void theSurvivorsLogsHaveFourLengthsAtTheCrash() throws Exception {
        Scenario s = ScenarioLoader.load(SCENARIO);
        for (int trial = 0; trial < 3; trial++) {
            FailoverExperiment.TrialPlan p = FailoverExperiment.plan(s, trial);
            LastIndexes last = new LastIndexes();
            try (RunSession session = RunSession.start(p.scenario(), new Runner.Options(null, "", "", last, ProgressListener.NONE))) {
                for (FaultSpec f : p.scenario().faultsInTimeOrder()) {
                    if (f instanceof FaultSpec.LeaderCrash) {
                        break;
                    }
                    session.runUntil(f.timing().atNanos());
                    session.inject(f);
                }
                session.runUntil(p.crashAtNanos() - 1);
            }
            long[] l = last.byMember;
            assertTrue(l[2] > l[3] && l[3] > l[4] && l[4] > l[5], "n2..n5 last indexes " + Arrays.toString(l));
            assertTrue(l[4] - l[5] >= 5 && l[3] - l[4] >= 5, "entries between withholdings: " + Arrays.toString(l));
        }
    }

    /** The last index each member has persisted. */
    private static final class LastIndexes implements MemberObserver {
        final long[] byMember = new long[6];

        @Override
        public void persisted(int member, HardState hardState, List<Entry> entries) {
            if (!entries.isEmpty()) {
                byMember[member] = entries.get(entries.size() - 1).index();
            }
        }
    }

    // §5.4.1: the two survivors with the shortest logs cannot win the first election after the crash; n2 or n3
    // does in these trials (a brief leader's no-op can later make n4 or n5 eligible, in a few trials in a hundred).
    @Test
    void eligibleSurvivorsWinAndTrialsRepeatExactly() throws Exception {
        Scenario s = ScenarioLoader.load(SCENARIO);
        List<FailoverTrial> trials = FailoverExperiment.run(s, 8, 2, done -> { });
        long minTimeout = s.cluster().raft().electionTimeoutNanos();
        long hb = s.cluster().raft().heartbeatIntervalNanos();
        for (FailoverTrial t : trials) {
            assertTrue(t.resolved(), t.toString());
            assertEquals(1, t.crashedLeader(), "member 1 campaigned first and led");
            assertTrue(t.newLeader() == 2 || t.newLeader() == 3, "n4 and n5 lag: " + t);
            assertTrue(t.terms() >= 1, t.toString());
            // the earliest a follower campaigns is one minimum timeout after the last heartbeat, at most a heartbeat before the crash
            assertTrue(t.failoverNanos() >= minTimeout - hb && t.failoverNanos() < 10 * minTimeout, t.toString());
        }
        assertEquals(trials.get(3), FailoverExperiment.runTrial(s, 3), "a trial replays exactly");
    }

    // At 12–24 ms a spurious election now and then leaves no leader at the crash instant: the trial crashes the next leader.
    @Test
    void aCrashInstantWithoutALeaderIsTriedAgainLater() {
        Scenario s = ScenarioLoader.load(SCENARIO, List.of("cluster.election-timeout={min: 12ms, max: 24ms}",
                "cluster.heartbeat-interval=11ms"));
        long observe = FailoverExperiment.defaultObserveNanos(s);
        // a heartbeat of 11 ms against a 12 ms minimum timeout: spurious elections are frequent; find a trial
        // whose first crash instant has no leader
        int trial = -1;
        FailoverTrial first = null;
        for (int i = 0; i < 500 && trial < 0; i++) {
            FailoverTrial f = TrialRun.run(FailoverExperiment.plan(s, i, observe, 0));
            if (f.crashedLeader() == 0) {
                trial = i;
                first = f;
            }
        }
        assertTrue(trial >= 0, "no trial among 500 found an election under way at its first crash instant");
        FailoverTrial t = FailoverExperiment.runTrial(s, trial, observe);
        assertTrue(t.resolved() && t.crashedLeader() != 0, t.toString());
        assertTrue(t.crashAtNanos() > first.crashAtNanos(), "a later crash window");
    }
}
