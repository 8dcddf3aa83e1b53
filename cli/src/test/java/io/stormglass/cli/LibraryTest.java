package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.net.latency.TruncatedNormal;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.experiment.sweep.SweepFileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scenario library ({@code scenarios/*.yaml}, beside this module's pom): every file loads and says what it shows. */
class LibraryTest {
    static final Path LIBRARY = Library.DIR;
    static final long S = 1_000_000_000L;

    static List<Path> library() throws IOException {
        try (Stream<Path> files = Files.list(LIBRARY)) {
            // capacity-*.yaml are capacity files (docs/capacity.md), tune-*.yaml sweeps (docs/sweeps.md), not scenarios
            return files.filter(p -> p.getFileName().toString().endsWith(".yaml")
                    && !p.getFileName().toString().startsWith("capacity-") && !SweepFileLoader.isSweepFile(p))
                    .sorted().toList();
        }
    }

    @Test
    void everyLibraryScenarioLoadsAndPrintsAConfigThatReloadsToItself() throws IOException {
        List<Path> files = library();
        assertEquals(List.of("client-added-latency.yaml", "cross-region.yaml", "defrag-stall.yaml", "etcd-benchmark.yaml",
                "incident-ceph-prometheus-fixed.yaml",
                "incident-ceph-prometheus.yaml", "incident-raid5-nvme.yaml", "incident-raid5.yaml",
                "k8s-control-plane.yaml", "lagging-follower-snapshot.yaml", "member-replace.yaml", "quota-nospace.yaml",
                "raft-paper-failover.yaml", "rolling-restart.yaml", "safety-fuzz.yaml", "scale-3-5-3.yaml", "watch-storm.yaml"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f);
            assertTrue(s.description().length() > 80, f + " says what it shows");
            String printed = ScenarioPrinter.print(s);
            Path copy = Files.createTempFile("printed-", ".yaml");
            try {
                Files.writeString(copy, printed);
                Scenario reloaded = ScenarioLoader.load(copy);
                // equal in everything but the file it was read from
                assertEquals(s, new Scenario(reloaded.name(), reloaded.description(), s.file(), reloaded.seed(),
                        reloaded.durationNanos(), reloaded.warmupNanos(), reloaded.metricsWindowNanos(), reloaded.cluster(),
                        reloaded.devices(), reloaded.network(), reloaded.workload(), reloaded.client(), reloaded.faults(),
                        reloaded.outputs(), reloaded.checks()), f + ": the printed config reloads to the same scenario");
                assertEquals(printed.lines().skip(1).toList(), ScenarioPrinter.print(reloaded).lines().skip(1).toList());
            } finally {
                Files.delete(copy);
            }
        }
    }

    @Test
    void theCephIncidentHasWhatSeed001Describes() {
        Scenario s = ScenarioLoader.load(LIBRARY.resolve("incident-ceph-prometheus.yaml"));
        assertEquals(1, s.seed());
        assertEquals(12 * 3600 * S, s.durationNanos());
        assertEquals(100_000_000L, s.cluster().raft().heartbeatIntervalNanos());
        assertEquals(1_000_000_000L, s.cluster().raft().electionTimeoutNanos());
        java.util.Set<Long> offsets = new java.util.TreeSet<>();
        for (int id = 1; id <= 3; id++) {
            assertEquals("vm" + id, s.cluster().members().get(id - 1).walDevice());
            assertEquals("vm" + id, s.cluster().members().get(id - 1).dataDevice(), "one disk per VM");
            CephRbdDisk.Options rbd = assertInstanceOf(CephRbdDisk.Options.class, s.devices().get("vm" + id).disk());
            assertEquals(1000, rbd.iopsLimit());
            assertEquals("ceph", rbd.clusterName(), "one Ceph cluster behind every VM");
            PrometheusNeighbour.Options prometheus = assertInstanceOf(PrometheusNeighbour.Options.class,
                    s.devices().get("vm" + id).neighbours().get(0).spec());
            offsets.add(prometheus.headBlockOffsetSeconds());
        }
        assertEquals(3, offsets.size(), "each VM's Prometheus writes its head block at its own moment");
        assertTrue(s.workload().controlPlane() != null);
        Scenario fixed = ScenarioLoader.load(LIBRARY.resolve("incident-ceph-prometheus-fixed.yaml"));
        assertTrue(fixed.devices().values().stream().allMatch(d -> d.neighbours().isEmpty()));
        assertEquals(s.cluster(), fixed.cluster());
        assertEquals(s.workload(), fixed.workload());
        assertEquals(s.devices().get("vm1").disk(), fixed.devices().get("vm1").disk());
    }

    @Test
    void theRaid5IncidentAndItsCure() {
        Scenario raid = ScenarioLoader.load(LIBRARY.resolve("incident-raid5.yaml"));
        assertEquals(0, raid.seed());
        assertInstanceOf(Raid5Disk.Options.class, raid.devices().get(raid.cluster().members().get(0).walDevice()).disk());
        Scenario nvme = ScenarioLoader.load(LIBRARY.resolve("incident-raid5-nvme.yaml"));
        assertEquals("nvme-n1", nvme.cluster().members().get(0).walDevice());
        assertEquals("raid-n1", nvme.cluster().members().get(0).dataDevice());
        assertInstanceOf(NvmeDisk.Options.class, nvme.devices().get("nvme-n1").disk());
        assertEquals(raid.workload(), nvme.workload());
    }

    @Test
    void addedLatencyIsOneSetAwayAndTheLaggingFollowerIsDownForAnHour() {
        Scenario plus10 = ScenarioLoader.load(LIBRARY.resolve("client-added-latency.yaml"), List.of("network.latency.mean=5.1ms"));
        TruncatedNormal latency = assertInstanceOf(TruncatedNormal.class, plus10.network().defaultLink().latency());
        assertEquals(5.1, latency.meanMs(), 1e-12);
        assertEquals(3, plus10.seed());
        Scenario lagging = ScenarioLoader.load(LIBRARY.resolve("lagging-follower-snapshot.yaml"));
        FaultSpec.MemberCrash crash = assertInstanceOf(FaultSpec.MemberCrash.class, lagging.faults().get(0));
        assertEquals(3600 * S, crash.timing().forNanos());
        assertTrue(lagging.cluster().raft().snapshotCount() <= 10_000);
        Scenario cross = ScenarioLoader.load(LIBRARY.resolve("cross-region.yaml"));
        assertEquals(3, cross.network().regionRtts().size());
        assertTrue(cross.network().regionRtts().stream().allMatch(r -> r.rttMs() >= 50 && r.rttMs() <= 150));
    }

    @Test
    void listShowsTheLibrarySortedWithOneLineEach() throws IOException {
        CliRunner.Result r = CliRunner.run("list", LIBRARY.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(library().size() + 2, lines.size(), "the scenarios and the two tune-* sweeps");
        assertTrue(r.out().contains("tune-cross-region               Sweep: Heartbeat interval"), r.out());
        List<String> names = lines.stream().map(l -> l.split("\\s+")[0]).toList();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(lines.get(4).startsWith("incident-ceph-prometheus        Seed 001:"), lines.get(4));
        assertTrue(lines.stream().allMatch(l -> l.length() <= 32 + ListCommandLimits.MAX), r.out());
    }

    @Test
    void listWithoutAFolderFindsTheLibraryOfThisInstallation() {
        CliRunner.Result r = CliRunner.run("list");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("incident-raid5-nvme ")), r.out());
    }

    @Test
    void printConfigIsStableAndShowsTheSeedAndResolvedValues() {
        CliRunner.Result first = CliRunner.run("validate", "--print-config", Library.file("incident-raid5-nvme.yaml"));
        CliRunner.Result second = CliRunner.run("validate", "--print-config", Library.file("incident-raid5-nvme.yaml"));
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        List<String> lines = first.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ok: incident-raid5-nvme — Seed 000 cured"), lines.get(0));
        assertTrue(lines.contains("seed: 0"));
        assertTrue(lines.contains("  heartbeat-interval: 100ms"), "defaults are printed too");
        assertTrue(lines.contains("      wal-disk: nvme-n2"));
        assertTrue(lines.contains("      data-disk: raid-n2"));
        assertTrue(lines.contains("    flush-latency: 1700us"));
    }

    /** The width limit of list's descriptions. */
    static final class ListCommandLimits {
        static final int MAX = ListCommand.MAX_DESCRIPTION_CHARS;
    }
}
