package io.stormglass.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.model.SataSsdDisk;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.disk.neighbour.TraceNeighbour;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.ConnectionMap;
import io.stormglass.net.Ordering;
import io.stormglass.net.latency.Constant;
import io.stormglass.net.latency.Jittered;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.TruncatedNormal;
import io.stormglass.net.latency.Uniform;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.scenario.yaml.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    static final Path GOOD = Path.of("src/test/resources/good");
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;

    @Test
    void aOneLineScenarioGetsEtcdsDefaults() {
        Scenario s = ScenarioLoader.load(GOOD.resolve("minimal.yaml"));
        assertEquals("minimal", s.name(), "the file name without .yaml");
        assertEquals(1, s.seed());
        assertEquals(60 * S, s.durationNanos());
        assertEquals(5 * S, s.warmupNanos());
        assertEquals(10 * S, s.metricsWindowNanos());
        RaftSpec r = s.cluster().raft();
        assertEquals(3, s.cluster().size());
        assertEquals(100 * MS, r.heartbeatIntervalNanos());
        assertEquals(1000 * MS, r.electionTimeoutNanos());
        assertTrue(r.preVote() && r.checkQuorum());
        assertEquals(100_000, r.snapshotCount());
        assertEquals(5_000, r.snapshotCatchUpEntries());
        assertEquals(512, r.maxInflightMsgs());
        assertEquals(1L << 20, r.maxSizePerMsgBytes());
        assertEquals(100 * MS, r.backendBatchIntervalNanos());
        assertEquals(10_000, r.backendBatchLimit());
        assertEquals(CpuCosts.defaults(), r.cpu());
        assertEquals(List.of("disk-n1", "disk-n2", "disk-n3"), List.copyOf(s.devices().keySet()));
        assertEquals(NvmeDisk.Options.defaults(false), s.devices().get("disk-n2").disk());
        MemberSpec m2 = s.cluster().members().get(1);
        assertEquals("disk-n2", m2.walDevice());
        assertEquals("disk-n2", m2.dataDevice());
        assertEquals(new Uniform(0.05, 0.15), s.network().defaultLink().latency());
        assertEquals(10_000_000_000L, s.network().options().nicBandwidthBitsPerSecond());
        assertInstanceOf(WorkloadSpec.Arrival.None.class, s.workload().arrival());
        assertNull(s.workload().controlPlane());
        assertEquals(5 * S, s.client().requestTimeoutNanos());
        assertEquals(new RetryPolicy.Exponential(25 * MS, 25 * MS, 0.1), s.client().retry(), "clientv3's 25 ms ±10 %");
        assertEquals(100, s.client().maxRetries());
        assertTrue(s.faults().isEmpty());
        assertTrue(s.outputs().report() && s.outputs().memberLogs() && !s.outputs().history());
        assertNull(s.outputs().dir());
    }

    @Test
    void everySectionBindsWithItsUnits() {
        Scenario s = ScenarioLoader.load(GOOD.resolve("full.yaml"));
        assertEquals("full-example", s.name());
        assertEquals("Every section with non-default values,\nto check binding, units and defaults.", s.description());
        assertEquals(42, s.seed());
        assertEquals(2 * 3600 * S, s.durationNanos());
        RaftSpec r = s.cluster().raft();
        assertEquals(50 * MS, r.heartbeatIntervalNanos());
        assertEquals(500 * MS, r.electionTimeoutNanos());
        assertEquals(20_000, r.snapshotCount(), "underscores group digits");
        assertEquals(2L << 20, r.maxSizePerMsgBytes());
        CpuCosts d = CpuCosts.defaults();
        assertEquals(8, r.cpu().cores().cpus());
        assertEquals(10_000, r.cpu().stepMessageNanos());
        assertEquals(30_000, r.cpu().applyPutNanos());
        assertEquals(d.grpcRequestNanos(), r.cpu().grpcRequestNanos(), "unset costs keep their defaults");

        MemberSpec m2 = s.cluster().members().get(1);
        assertEquals("fast", m2.walDevice());
        assertEquals("data", m2.dataDevice(), "the cluster's data-disk applies to every member");
        assertEquals("eu-west", m2.placement().region());
        assertEquals("r7", m2.placement().rack());
        assertEquals(500, m2.clock().driftPpm());
        assertEquals(-20.0, m2.clock().offsetMs(), 1e-9);
        assertEquals("vm-n4", s.cluster().members().get(3).walDevice());

        CephRbdDisk.Options rbd = assertInstanceOf(CephRbdDisk.Options.class, s.devices().get("vm-n3").disk());
        assertEquals("ceph-a", rbd.clusterName());
        assertEquals(1000, rbd.iopsLimit());
        assertEquals(2000, rbd.iopsBurst());
        assertEquals(2.0, rbd.iopsBurstSeconds(), 1e-12);
        assertEquals(100L << 20, rbd.bpsLimit(), "100MiB/s in bytes per second");
        assertEquals(20, rbd.qosTickMillis());
        assertEquals(9, rbd.cluster().osdCount());
        assertEquals(2, rbd.cluster().replicationFactor());
        assertEquals(300, rbd.cluster().networkRttMicros());
        assertEquals(200, assertInstanceOf(SataSsdDisk.Options.class, rbd.cluster().osd()).flushLatencyMicros());

        var neighbours = s.devices().get("vm-n1").neighbours();
        assertEquals(List.of("prom", "periodic-burst"), neighbours.stream().map(n -> n.name()).toList());
        PrometheusNeighbour.Options prom = assertInstanceOf(PrometheusNeighbour.Options.class, neighbours.get(0).spec());
        assertEquals(2_000_000, prom.series());
        assertEquals(30, prom.scrapeIntervalSeconds());
        assertEquals(1_709_253_000L, prom.startEpochSeconds(), "2024-03-01T00:30:00Z");
        PeriodicBurstNeighbour.Options burst = assertInstanceOf(PeriodicBurstNeighbour.Options.class, neighbours.get(1).spec());
        assertEquals(3600, burst.periodSeconds());
        assertEquals(512, burst.burstMiB());
        assertTrue(!burst.write());

        Raid5Disk.Options raid = assertInstanceOf(Raid5Disk.Options.class, s.devices().get("data").disk());
        assertEquals(5, raid.members());
        assertEquals(512L << 20, raid.writeBackCacheBytes());
        HddDisk.Options hdd = assertInstanceOf(HddDisk.Options.class, raid.member());
        assertEquals(10_000, hdd.rpm());
        assertEquals(4.0, hdd.averageSeekMillis(), 1e-12);
        assertTrue(hdd.writeCacheEnabled());
        NvmeDisk.Options nvme = assertInstanceOf(NvmeDisk.Options.class, s.devices().get("fast").disk());
        assertTrue(nvme.powerLossProtection());
        assertEquals(3000, nvme.bandwidthMiBps());
        assertEquals(CloudBlockDisk.Options.gp2(100), s.devices().get("gp2").disk());
        EmpiricalDisk.Options measured = assertInstanceOf(EmpiricalDisk.Options.class, s.devices().get("measured").disk());
        assertEquals(9 * MS, measured.flushLatency().quantileNanos(0.99));
        assertEquals(5_500_000L, measured.flushLatency().quantileNanos(0.745), "linear between p50 and p99");
        assertEquals(40_000, measured.writeLatency().quantileNanos(0.5));
        PoissonNeighbour.Options poisson = assertInstanceOf(PoissonNeighbour.Options.class,
                s.devices().get("noisy").neighbours().get(0).spec());
        assertEquals(200.0, poisson.iosPerSecond(), 1e-9);
        assertEquals(70, poisson.writePercent());

        NetworkSpec n = s.network();
        assertEquals(new Jittered(new LogNormal(0.2, 1.0), 0.1), n.defaultLink().latency());
        assertEquals(1_000_000_000L, n.defaultLink().bandwidthBitsPerSecond());
        assertEquals(100, n.defaultLink().lossPpm());
        assertEquals(25_000_000_000L, n.options().nicBandwidthBitsPerSecond());
        assertEquals(ConnectionMap.single(), n.options().connections());
        assertEquals(List.of(new NetworkSpec.RegionRtt("local", "eu-west", 80.0)), n.regionRtts());
        NetworkSpec.LinkOverride l12 = n.overrides().get(0);
        assertEquals(new Constant(40), l12.link().latency());
        assertEquals(100, l12.link().lossPpm(), "a link inherits what it does not set");
        assertTrue(!l12.bothWays());
        NetworkSpec.LinkOverride l34 = n.overrides().get(1);
        assertEquals(10_000, l34.link().lossPpm(), "1%");
        assertEquals(Ordering.DATAGRAM, l34.link().ordering());
        assertEquals(1_000, l34.link().reorderPpm());
        assertEquals(5.0, l34.link().reorderDelayMs(), 1e-12);

        WorkloadSpec w = s.workload();
        assertEquals(new WorkloadSpec.Arrival.OpenLoop(500, 16), w.arrival());
        assertEquals(new WorkloadSpec.OpMix(0.3, 0.5, 0.1, 0.05, 0.05), w.mix());
        assertEquals(new WorkloadSpec.KeySpace(5000, 0.99), w.keys());
        assertEquals(100, w.valueMinBytes());
        assertEquals(4096, w.valueMaxBytes());
        assertEquals(new WorkloadSpec.ControlPlane(2, 15 * S, 5 * S, S), w.controlPlane(), "keepalive defaults to TTL/3");
        assertEquals(new RetryPolicy.Exponential(100 * MS, 2 * S, 0.2), s.client().retry());
        assertEquals(3, s.client().maxRetries());
        assertEquals(2 * S, s.client().attemptTimeoutNanos());

        List<FaultSpec> f = s.faults();
        assertEquals(12, f.size());
        assertEquals(new FaultSpec.MemberCrash(new FaultSpec.Timing(3600 * S, 30 * S, 1200 * S, 6000 * S), 2,
                CrashMode.TORN_UNSYNCED), f.get(0));
        assertEquals(new FaultSpec.LeaderCrash(FaultSpec.Timing.once(600 * S, 10 * S), CrashMode.DROP_UNSYNCED), f.get(1));
        FaultSpec.Partition split = assertInstanceOf(FaultSpec.Partition.class, f.get(2));
        assertEquals(NetworkFault.Split.of(List.of(1), List.of(2, 3)), split.fault());
        assertEquals(5 * S, split.flapPeriodNanos());
        NetworkFault.OneWay oneWay = assertInstanceOf(NetworkFault.OneWay.class, ((FaultSpec.Partition) f.get(3)).fault());
        assertTrue(oneWay.blocks(1, 3) && !oneWay.blocks(3, 1));
        assertEquals(new NetworkFault.Clog(1, 2, 200), ((FaultSpec.Partition) f.get(4)).fault());
        assertEquals(new NetworkFault.Isolate(4), ((FaultSpec.Partition) f.get(5)).fault());
        assertEquals("stall on vm-n1", f.get(6).describe());
        assertEquals("slow x10.0 on data", f.get(7).describe());
        assertEquals("fsync EIO on fast", f.get(8).describe());
        assertEquals("ENOSPC on gp2", f.get(9).describe());
        assertEquals(new FaultSpec.ClockStep(FaultSpec.Timing.once(2400 * S, 0), 1, -500 * MS), f.get(10));
        assertEquals(new FaultSpec.ClockDrift(FaultSpec.Timing.once(2460 * S, 0), 3, -200), f.get(11));
        assertEquals("out/full", s.outputs().dir());
        assertTrue(s.outputs().history() && !s.outputs().report());
    }

    @Test
    void extendsOverlaysMappingsReplacesListsAndKeepsItsOwnName() {
        Scenario base = ScenarioLoader.load(GOOD.resolve("full.yaml"));
        Scenario child = ScenarioLoader.load(GOOD.resolve("child.yaml"));
        assertEquals("child", child.name(), "a base's name is not inherited");
        assertEquals("A variant of full.yaml with a faster heartbeat and no faults.", child.description());
        assertEquals(20 * MS, child.cluster().raft().heartbeatIntervalNanos());
        assertEquals(200 * MS, child.cluster().raft().electionTimeoutNanos());
        assertEquals(base.cluster().raft().snapshotCount(), child.cluster().raft().snapshotCount(), "the rest is inherited");
        // printed, since QuantileCurve (an empirical disk's) compares its arrays by identity
        assertEquals(section(ScenarioPrinter.print(base), "disks:"), section(ScenarioPrinter.print(child), "disks:"));
        assertEquals(base.workload(), child.workload());
        assertTrue(child.faults().isEmpty(), "a list replaces the base's list");
        assertEquals(42, child.seed());
    }

    @Test
    void setOverridesApplyInOrderAfterExtends() {
        Scenario s = ScenarioLoader.load(GOOD.resolve("child.yaml"), List.of("cluster.heartbeat-interval=100ms",
                "cluster.election-timeout=1500ms", "seed=7", "network.latency={distribution: normal, mean: 5.1ms, stddev: 0.02ms}",
                "workload.control-plane=", "faults=[{at: 1m, crash: leader}]", "seed=8"));
        assertEquals(100 * MS, s.cluster().raft().heartbeatIntervalNanos());
        assertEquals(1500 * MS, s.cluster().raft().electionTimeoutNanos());
        assertEquals(8, s.seed(), "the last --set wins");
        assertEquals(new TruncatedNormal(5.1, 0.02, 0, 0), s.network().defaultLink().latency());
        assertNull(s.workload().controlPlane(), "an empty value removes the key");
        assertEquals(List.of(new FaultSpec.LeaderCrash(FaultSpec.Timing.once(60 * S, 0), CrashMode.DROP_UNSYNCED)), s.faults());
    }

    @Test
    void aSetValueIsCheckedLikeAFileValueAndLocatedAtTheSet() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(GOOD.resolve("minimal.yaml"),
                List.of("seed=3", "cluster.heartbeat-interval=250ms")));
        assertEquals(List.of("--set:2:1: cluster.election-timeout: must be at least 5 × heartbeat-interval (1250ms), got 1s; "
                + "etcd refuses to start: election-timeout should be at least as 5 times as heartbeat-interval"),
                e.problems().stream().map(p -> p.oneLine().replace("src/test/resources/good/minimal.yaml:1:1", "--set:2:1"))
                        .toList());
    }

    @Test
    void loadingIsRepeatable() {
        assertEquals(ScenarioPrinter.print(ScenarioLoader.load(GOOD.resolve("full.yaml")).withSeed(1)),
                ScenarioPrinter.print(ScenarioLoader.load(GOOD.resolve("full.yaml"), List.of("seed=1"))));
        assertEquals(ScenarioLoader.load(GOOD.resolve("child.yaml"), List.of("disks.measured=")),
                ScenarioLoader.load(GOOD.resolve("child.yaml"), List.of("disks.measured=")));
    }

    /** The lines of a top-level section of a printed scenario. */
    static List<String> section(String printed, String header) {
        List<String> lines = printed.lines().toList();
        int start = lines.indexOf(header);
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith(" ")) {
            end++;
        }
        return lines.subList(start, end);
    }

    @Test
    void empiricalDisksFitFioAndPrometheusFilesNamedRelativeToTheScenario() throws Exception {
        Scenario s = ScenarioLoader.load(GOOD.resolve("measured.yaml"));
        EmpiricalDisk.Options fio = assertInstanceOf(EmpiricalDisk.Options.class, s.devices().get("fio").disk());
        assertEquals(8_000_000L, fio.flushLatency().quantileNanos(0.99), "fio's sync p99");
        assertEquals(40_000L, fio.writeLatency().quantileNanos(0.5), "fio's write clat p50");
        assertEquals(30_000_000L, fio.flushLatency().quantileNanos(1.0), "fio's max");
        EmpiricalDisk.Options scraped = assertInstanceOf(EmpiricalDisk.Options.class, s.devices().get("scraped").disk());
        assertEquals(1_800_000.0, scraped.flushLatency().quantileNanos(0.5), 1_000, "histogram_quantile: 1ms + 0.4/0.5 of the 1-2ms bucket");
        assertEquals(30_000L, scraped.writeLatency().quantileNanos(0.5));
        TraceNeighbour.Options trace = assertInstanceOf(TraceNeighbour.Options.class, s.devices().get("fio").neighbours().get(0).spec());
        assertEquals(3, TraceNeighbour.parse(trace.csv()).size());
        assertEquals(60, trace.startSeconds());
        assertEquals("scraped", s.cluster().members().get(1).walDevice());

        // the printout carries the fitted curves and the trace inline, so it reloads without the files
        Path copy = java.nio.file.Files.createTempFile("printed-", ".yaml");
        try {
            java.nio.file.Files.writeString(copy, ScenarioPrinter.print(s));
            Scenario reloaded = ScenarioLoader.load(copy);
            assertEquals(ScenarioPrinter.print(s).lines().skip(1).toList(), ScenarioPrinter.print(reloaded).lines().skip(1).toList());
            assertEquals(trace, reloaded.devices().get("fio").neighbours().get(0).spec());
            EmpiricalDisk.Options again = (EmpiricalDisk.Options) reloaded.devices().get("fio").disk();
            assertTrue(java.util.Arrays.equals(fio.flushLatency().probabilities(), again.flushLatency().probabilities()));
            assertTrue(java.util.Arrays.equals(fio.flushLatency().nanos(), again.flushLatency().nanos()));
        } finally {
            java.nio.file.Files.delete(copy);
        }
    }
}
