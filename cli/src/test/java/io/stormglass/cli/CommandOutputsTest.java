package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.OutputMarker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep, capacity, failover and fuzz follow the same output rules as run: marked, staged, never over foreign files. */
class CommandOutputsTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path foreign() throws Exception {
        Path v = Files.createDirectories(dir.resolve("v"));
        Files.writeString(v.resolve("k"), "keep");
        return v;
    }

    @Test
    void failoverIsStagedMarkedAndReplacedByTheNextFailover() throws Exception {
        Path scenario = Files.writeString(dir.resolve("three.yaml"), "description: failover outputs\nwarmup: 1s\n");
        Path out = dir.resolve("fo");
        for (String trials : List.of("2", "3")) {
            CliRunner.Result r = CliRunner.run("failover", scenario.toString(), "--trials", trials, "--jobs", "1", "--out", out.toString());
            assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        }
        assertEquals(Optional.of(OutputKind.FAILOVER), OutputMarker.read(out));
        assertEquals(4, Files.readAllLines(out.resolve("failover.csv")).size(), "the second run's three trials");
        assertEquals(List.of("fo", "three.yaml"), names());
        Path v = foreign();
        OutputSafetyTest.refusedOnOneLine(CliRunner.run("failover", scenario.toString(), "--trials", "1", "--out", v.toString()),
                "stormglass: --out: expected an empty folder or an earlier Stormglass output");
    }

    @Test
    void capacityIsStagedAndMarkedAndRefusesAnotherKindsFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), """
                description: one profile, one step
                ramp: {start: 100/s, step: 100/s, max: 100/s, step-duration: 2s, warmup: 1s}
                slo: {put-p99: 25ms}
                profiles:
                  ssd: {builtin: sata-ssd}
                """);
        Path out = dir.resolve("cap");
        CliRunner.Result r = CliRunner.run("capacity", file.toString(), "--out", out.toString(), "--jobs", "1");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(Optional.of(OutputKind.CAPACITY), OutputMarker.read(out));
        assertTrue(Files.exists(out.resolve("capacity.json")));
        assertEquals(List.of("c.yaml", "cap"), names());
        Path run = dir.resolve("run");
        assertEquals(ExitCodes.OK, OutputSafetyTest.run(run).exitCode());
        OutputSafetyTest.refusedOnOneLine(CliRunner.run("capacity", file.toString(), "--out", run.toString()),
                "stormglass: --out: expected an empty folder or a capacity study written earlier, found a run");
    }

    @Test
    void aSweepIsMarkedWhenCreatedAndRefusesAForeignFolder() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "description: sweep outputs\nduration: 12s\nwarmup: 2s\noutputs:\n  member-logs: false\n");
        Path sweep = Files.writeString(dir.resolve("grid.yaml"), """
                description: sweep outputs
                base: base.yaml
                vary:
                  cluster.election-timeout: [1s]
                metrics: [spurious-changes]
                """);
        Path v = foreign();
        OutputSafetyTest.refusedOnOneLine(CliRunner.run("sweep", sweep.toString(), "--out", v.toString()),
                "stormglass: --out: expected an empty folder or an earlier Stormglass output");
        Path out = dir.resolve("sw");
        CliRunner.Result r = CliRunner.run("sweep", sweep.toString(), "--jobs", "1", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals(Optional.of(OutputKind.SWEEP), OutputMarker.read(out));
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no temporary file left");
        }
        CliRunner.Result forced = CliRunner.run("sweep", sweep.toString(), "--jobs", "1", "--force", "--out", v.toString());
        assertEquals(ExitCodes.OK, forced.exitCode(), forced.err());
        assertFalse(Files.exists(v.resolve("k")), "--force replaced the foreign folder");
        assertTrue(Files.exists(v.resolve("sweep.csv")));
    }

    @Test
    void aFuzzCampaignIsPublishedWhenItEndsWithItsFailuresUnderTheFinalName() throws Exception {
        Path out = dir.resolve("fz");
        CliRunner.Result r = CliRunner.run("fuzz", OutputSafetyTest.SCENARIO, "--seeds", "1", "--jobs", "1", "--shrink-runs", "0",
                "--set", OutputSafetyTest.SHORT, "--set", "checks.liveness=1ms", "--out", out.toString());
        assertEquals(ExitCodes.LIVENESS_FAILURE, r.exitCode(), r.err());
        assertEquals(Optional.of(OutputKind.FUZZ), OutputMarker.read(out));
        String saved = Files.readString(out.resolve("failures/seed-1.yaml"));
        assertTrue(saved.contains("./stormglass run " + out.resolve("failures/seed-1.yaml")), saved);
        assertTrue(Files.readString(out.resolve("fuzz.csv")).contains(out.resolve("failures/seed-1.yaml").toString()));
        assertEquals(List.of("fz"), names());
    }
}
