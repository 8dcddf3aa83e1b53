package io.stormglass.experiment.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Raft paper §9.3 on the library's five-member, ~15 ms RTT scenario (150–300 ms election timeouts). */
class FailoverExperimentTest {
    private static final Path SCENARIO = Path.of("../scenarios/raft-paper-failover.yaml");

    @Test
    void crashesFallUniformlyWithinOneHeartbeatAfterTheClusterSettles() {
        Scenario s = ScenarioLoader.load(SCENARIO);
        long hb = s.cluster().raft().heartbeatIntervalNanos();
        long windowStart = s.warmupNanos() + FailoverExperiment.SETTLE_ELECTION_TIMEOUTS * s.cluster().raft().electionTimeoutNanos();
        long below = 0;
        for (int i = 0; i < 200; i++) {
            FailoverExperiment.TrialPlan p = FailoverExperiment.plan(s, i);
            long offset = p.crashAtNanos() - windowStart;
            assertTrue(offset >= 0 && offset < hb, "offset " + offset);
            below += offset < hb / 2 ? 1 : 0;
            assertEquals(List.of(new FaultSpec.LeaderCrash(FaultSpec.Timing.once(p.crashAtNanos(), 0),
                    io.stormglass.engine.storage.CrashMode.DROP_UNSYNCED)), p.scenario().faults());
        }
        // uniform: about half of the crashes in each half of the interval (binomial sd ~7 of 200)
        assertTrue(below > 70 && below < 130, "crashes in the first half: " + below);
        assertNotEquals(FailoverExperiment.plan(s, 0).scenario().seed(), FailoverExperiment.plan(s, 1).scenario().seed());
    }

    @Test
    void trialsFindANewLeaderAfterAtLeastOneElectionTimeoutAndRepeatExactly() throws Exception {
        Scenario s = ScenarioLoader.load(SCENARIO);
        List<FailoverTrial> trials = FailoverExperiment.run(s, 6, 2, done -> { });
        long et = s.cluster().raft().electionTimeoutNanos();
        long hb = s.cluster().raft().heartbeatIntervalNanos();
        for (FailoverTrial t : trials) {
            assertTrue(t.resolved(), t.toString());
            assertNotEquals(t.crashedLeader(), t.newLeader());
            assertTrue(t.crashedLeader() >= 1 && t.crashedLeader() <= 5);
            // the earliest a follower campaigns is one election timeout after its last heartbeat
            assertTrue(t.failoverNanos() >= et - hb && t.failoverNanos() < 10 * et, t.toString());
        }
        assertEquals(trials.get(3), FailoverExperiment.runTrial(s, 3), "a trial replays exactly");
    }
}
