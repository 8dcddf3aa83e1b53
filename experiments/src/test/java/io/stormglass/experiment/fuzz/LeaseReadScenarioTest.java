package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.engine.probe.ProbeCounts;
import io.stormglass.engine.probe.ProbeRecorder;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.yaml.ScenarioException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code cluster.read-only: lease-based} at the member level: the leader answers reads from its lease
 * (thesis §6.4.1), and the checks hold while a deposed leader still believes it leads and clocks drift
 * within the lease's bound.
 */
class LeaseReadScenarioTest {
    private static Scenario leased(SafetySetup setup, String... more) {
        List<String> sets = new ArrayList<>(setup.sets());
        sets.add("cluster.read-only=lease-based");
        sets.addAll(List.of(more));
        return ScenarioLoader.load(SafetySetup.BASE, sets);
    }

    /**
     * The {@code ReadPathNemesesTest} schedule (the leader cut off with one follower from 2.1 s for 2.5 s,
     * five members, a reader on each) with lease reads and n3's clock 8 % slow, within the default 10 %
     * bound: a slow leader's lease runs longer in true time, but still ends before the majority's members
     * may vote for another leader.
     */
    @Test
    void aCutOffLeaderWithASlowClockServesNoStaleReadFromItsLease() throws Exception {
        SafetySetup setup = new SafetySetup(5, 11, "nvme", false, true, 0, true);
        Scenario base = leased(setup, "cluster.members.3.clock-drift=-80000ppm");
        assertEquals(ReadOnlyOption.LEASE_BASED, base.cluster().raft().readOnlyOption());
        Scenario s = base.withFaults(FaultDraw.schedule(base, List.of(new FaultDraw(FaultKind.ISOLATE_LEADER, 2_100, 2_500, 2, 1))));
        ProbeCounts counts = new ProbeCounts();
        RunResult r = ProbeRecorder.recording(counts, () -> Runner.run(s, Runner.Options.inMemory()));
        CheckReport c = r.checks();
        assertTrue(c.passed(), c.describe());
        assertTrue(c.stats().termsWithLeader() >= 2, "the majority elected a new leader: " + c.describe());
        assertTrue(assertInstanceOf(CheckResult.Linearizable.class, c.linearizability()).operations() > 3_000, c.describe());
        assertTrue(counts.hits(RaftProbe.LEASE_READ_SERVED) > 100, "reads answered from the lease: "
                + counts.hits(RaftProbe.LEASE_READ_SERVED));
    }

    /**
     * Seed 279 of a lease-read campaign ({@code fuzz safety-fuzz.yaml --set cluster.read-only=lease-based
     * --set workload.clients=6 --set workload.readers=3}), shrunk to one fault: leader n2 cut off from
     * 2 375 ms for 786 ms. A lease four times as long as the followers' promise (the lease's length
     * multiplied by 4 in {@code RaftConfig.leaseTicks}) serves a stale read here; the lease as built ends
     * in time.
     */
    @Test
    void aLeaderCutOffBrieflyServesNoReadPastItsFollowersPromise() throws Exception {
        Scenario base = ScenarioLoader.load(SafetySetup.BASE, List.of("seed=279", "cluster.read-only=lease-based",
                "workload.clients=6", "workload.readers=3"));
        Scenario s = base.withFaults(FaultDraw.schedule(base, List.of(new FaultDraw(FaultKind.PARTITION, 2_375, 786, 2, 0))));
        CheckReport c = Runner.run(s, Runner.Options.inMemory()).checks();
        assertTrue(c.passed(), c.describe());
        assertTrue(assertInstanceOf(CheckResult.Linearizable.class, c.linearizability()).operations() > 1_000, c.describe());
    }

    @Test
    void readIndexServesNoReadFromALease() throws Exception {
        Scenario s = new SafetySetup(3, 1, "nvme", false, true, 0, true).scenario();
        assertEquals(ReadOnlyOption.SAFE, s.cluster().raft().readOnlyOption(), "etcd's only mode is the default");
        ProbeCounts counts = new ProbeCounts();
        RunResult r = ProbeRecorder.recording(counts, () -> Runner.run(s, Runner.Options.inMemory()));
        assertTrue(r.checks().passed(), r.checks().describe());
        assertEquals(0, counts.hits(RaftProbe.LEASE_READ_SERVED));
    }

    @Test
    void aLeaseWithoutCheckQuorumIsRefusedAtItsKey() {
        SafetySetup setup = new SafetySetup(3, 1, "nvme", false, true, 0, false);
        ScenarioException e = assertThrows(ScenarioException.class, () -> leased(setup, "cluster.check-quorum=false"));
        assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("need check-quorum"), e.getMessage());
    }
}
