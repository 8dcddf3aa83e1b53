package io.stormglass.experiment.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityLoaderTest {
    static final String HEAD = """
            description: test
            ramp: {start: 100/s, step: 100/s, max: 300/s, step-duration: 5s}
            slo: {put-p99: 25ms}
            """;

    @Test
    void theLibraryFileComparesEveryBuiltInProfile() {
        CapacityPlan plan = CapacityLoader.load(Path.of("../scenarios/capacity-profiles.yaml"));
        List<String> names = plan.profiles().stream().map(Profile::name).toList();
        assertEquals(BuiltinProfiles.names(), names.subList(0, 9));
        Profile noisy = plan.profiles().get(9);
        assertEquals("ceph-rbd-1000", noisy.baseline());
        assertEquals(1, noisy.base().devices().get(noisy.base().cluster().members().get(0).walDevice()).neighbours().size());
        assertEquals(List.of("nvme", "nvme-plp", "sata-ssd", "hdd", "raid5-hdd", "gp3", "ceph-rbd-1000", "etcd-small", "etcd-large"),
                BuiltinProfiles.names());
        assertEquals(25_000_000L, plan.slo().putP99Nanos());
        assertEquals(10_000_000L, plan.slo().getP99Nanos());
        assertEquals(300, plan.currentLoadPerSecond(), 1e-9);
        assertEquals(0.1, plan.monthlyGrowth(), 1e-9);
        assertEquals(10, plan.ramp().rates().get(0), 1e-9);
        assertEquals(15, plan.ramp().rates().get(1), 1e-9);
        assertEquals(20, plan.ramp().rates().size());
        Profile ceph = plan.profiles().get(6);
        assertEquals(1000, ((CephRbdDisk.Options) device(ceph.base(), 1)).iopsLimit());
        assertTrue(device(plan.profiles().get(3).base(), 2) instanceof HddDisk.Options);
        assertTrue(((NvmeDisk.Options) device(plan.profiles().get(1).base(), 1)).powerLossProtection());
        Profile small = plan.profiles().get(7);
        assertEquals(1500, ((CloudBlockDisk.Options) device(small.base(), 3)).iopsLimit());
        // the guide's 2 vCPUs, at the reference costs
        assertEquals(2, small.base().cluster().raft().cpu().cores().cpus());
        assertEquals(CpuCosts.defaults().grpcRequestNanos(), small.base().cluster().raft().cpu().grpcRequestNanos());
        WorkloadSpec w = plan.profiles().get(0).base().workload();
        assertEquals(new WorkloadSpec.OpMix(0.3, 0.6, 0.1, 0, 0), w.mix());
        assertEquals(32, ((WorkloadSpec.Arrival.OpenLoop) w.arrival()).clients());
    }

    @Test
    void aStepRunsTheProfileAtTheStepsRateForWarmupPlusOneStep() {
        CapacityPlan plan = CapacityLoader.parse("t.yaml", HEAD + "profiles:\n  a: {builtin: sata-ssd}\n", "t.yaml");
        Scenario s = StepScenarios.at(plan.profiles().get(0), plan.ramp(), 250);
        assertEquals(new WorkloadSpec.Arrival.OpenLoop(250, CapacityLoader.DEFAULT_CLIENTS), s.workload().arrival());
        assertEquals(10_000_000_000L, s.durationNanos(), "3 s warm-up, 2 s settle, 5 s measured");
        assertEquals(3_000_000_000L, s.warmupNanos());
        assertEquals(List.of(100.0, 200.0, 300.0), plan.ramp().rates());
    }

    @Test
    void overridesLayOverTheBuiltInProfile() {
        CapacityPlan plan = CapacityLoader.parse("t.yaml", HEAD + """
                profiles:
                  slow-ceph:
                    builtin: ceph-rbd-1000
                    baseline: fast
                    disks: {vm: {iops-limit: 300/s}}
                  fast: {builtin: nvme}
                """, "t.yaml");
        Profile p = plan.profiles().get(0);
        assertEquals(300, ((CephRbdDisk.Options) device(p.base(), 1)).iopsLimit());
        assertEquals("fast", p.baseline());
        assertTrue(p.description().contains("1000 IOPS"), "the built-in's description is kept");
    }

    @Test
    void mistakesAreReportedTogetherWithTheirPlaces() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CapacityLoader.parse("t.yaml", """
                description: bad
                ramp: {start: 100/s, step: 100/s, max: 300/s, step-durations: 5s}
                slo: {put-p99: 25}
                workload: {rate: 100/s}
                profiles:
                  a: {builtin: nvmee}
                  b: {disks: {d: {model: floppy}}}
                  c: {cpu-speed: fast}
                """, "t.yaml"));
        List<String> lines = e.problems().stream().map(ScenarioProblem::oneLine).toList();
        String all = String.join("\n", lines);
        assertTrue(all.contains("t.yaml:2:") && all.contains("step-durations") && all.contains("did you mean 'step-duration'"), all);
        assertTrue(all.contains("t.yaml:3:") && all.contains("slo.put-p99"), all);
        assertTrue(all.contains("t.yaml:4:") && all.contains("set by the ramp"), all);
        assertTrue(all.contains("t.yaml:6:") && all.contains("did you mean nvme?"), all);
        assertTrue(all.contains("t.yaml:7:") && all.contains("floppy"), all);
        assertTrue(all.contains("t.yaml:8:") && all.contains("cpu-speed"), all);
    }

    @Test
    void aRampNeedsExactlyOneOfStepAndFactor() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CapacityLoader.parse("t.yaml", """
                description: bad
                ramp: {start: 100/s, step: 100/s, factor: 2, max: 300/s}
                slo: {}
                profiles: {a: {builtin: nvme}}
                """, "t.yaml"));
        assertTrue(e.problems().get(0).oneLine().contains("exactly one of step"), e.problems().get(0).oneLine());
    }

    private static Object device(Scenario s, int member) {
        return s.devices().get(s.cluster().members().get(member - 1).walDevice()).disk();
    }
}
