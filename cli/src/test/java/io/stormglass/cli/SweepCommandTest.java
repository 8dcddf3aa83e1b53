package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    private Path sweep(String vary) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), """
                description: a small cluster for command tests
                duration: 12s
                warmup: 2s
                outputs:
                  member-logs: false
                """);
        Path f = dir.resolve("grid.yaml");
        Files.writeString(f, """
                description: command test
                base: base.yaml
                vary:
                %s
                metrics: [spurious-changes, failover]
                failover:
                  trials: 1
                """.formatted(vary));
        return f;
    }

    @Test
    void runsResumesAndRecommends() throws Exception {
        Path f = sweep("  cluster.election-timeout: [500ms, 1s]");
        Path out = dir.resolve("out");
        CliRunner.Result first = CliRunner.run("sweep", f.toString(), "--jobs", "2", "--out", out.toString());
        assertEquals(ExitCodes.OK, first.exitCode(), first.err());
        assertTrue(first.out().contains("2 runs: 0 skipped (already in sweep.csv), 2 run now"), first.out());
        assertTrue(first.out().contains("Recommended: heartbeat-interval 100ms, election-timeout 500ms"), first.out());
        assertTrue(first.out().contains("[ok] election-timeout ≥ 5 × heartbeat-interval: 500ms ≥ 500ms"), first.out());
        assertTrue(first.err().contains("[2/2] "), first.err());
        for (String file : List.of("sweep.csv", "sweep-report.html", "heatmap-failover.svg", "heatmap-spurious-changes.png",
                "pareto.svg", "failover-cdf.png")) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        CliRunner.Result again = CliRunner.run("sweep", f.toString(), "--jobs", "1", "--out", out.toString());
        assertEquals(ExitCodes.OK, again.exitCode(), again.err());
        assertTrue(again.out().contains("2 runs: 2 skipped (already in sweep.csv), 0 run now"), again.out());
        assertEquals(3, Files.readAllLines(out.resolve("sweep.csv"), StandardCharsets.UTF_8).size());
    }

    @Test
    void badSweepFilesAndOptionsExitWithTwo() throws Exception {
        Path f = sweep("  cluster.election-timout: [1s]");
        CliRunner.Result r = CliRunner.run("sweep", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("grid.yaml:4:29: cluster.election-timout: unknown key (did you mean 'election-timeout'?)"), r.err());
        Path good = sweep("  cluster.election-timeout: [1s]");
        CliRunner.Result jobs = CliRunner.run("sweep", good.toString(), "--jobs", "0");
        assertEquals(ExitCodes.BAD_INPUT, jobs.exitCode());
        assertTrue(jobs.err().contains("stormglass: --jobs: expected at least 1, found 0"), jobs.err());
    }

    @Test
    void engineMistakesExitWithTwoAndTheDefaultJarHasNoSpark() throws Exception {
        Path good = sweep("  cluster.election-timeout: [1s]");
        CliRunner.Result unknown = CliRunner.run("sweep", good.toString(), "--engine", "mapreduce", "--out", dir.resolve("a").toString());
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode());
        assertTrue(unknown.err().contains("--engine: expected local or spark, found 'mapreduce'"), unknown.err());
        CliRunner.Result master = CliRunner.run("fuzz", dir.resolve("base.yaml").toString(), "--seeds", "1", "--master", "local[2]", "--out",
                dir.resolve("b").toString());
        assertEquals(ExitCodes.BAD_INPUT, master.exitCode());
        assertTrue(master.err().contains("--master: only with --engine spark, found --engine local"), master.err());
        // the cli module's class path, like the default jar, has no spark-runner: a usage error, not a stack trace
        CliRunner.Result spark = CliRunner.run("failover", dir.resolve("base.yaml").toString(), "--trials", "1", "--engine", "spark", "--out",
                dir.resolve("c").toString());
        assertEquals(ExitCodes.BAD_INPUT, spark.exitCode());
        assertTrue(spark.err().contains("--engine spark: the Spark engine is not on the class path"), spark.err());
    }

    @Test
    void failoverCommandPrintsPercentilesAndWritesTrials() throws Exception {
        Files.writeString(dir.resolve("five.yaml"), """
                description: five members for the failover command
                warmup: 1s
                cluster:
                  size: 5
                  heartbeat-interval: 30ms
                  election-timeout: 150ms
                """);
        Path out = dir.resolve("fo");
        CliRunner.Result r = CliRunner.run("failover", dir.resolve("five.yaml").toString(), "--trials", "4", "--jobs", "2",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("5 members, heartbeat 30ms, election 150ms–270ms; 4 trials (0 without a new leader in time)"), r.out());
        assertTrue(r.out().matches("(?s).*failover ms: min \\d+\\.\\d  p50 \\d+\\.\\d  p90 .*"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("failover.csv"), StandardCharsets.UTF_8);
        assertEquals(5, rows.size());
        assertTrue(Files.size(out.resolve("failover-cdf.svg")) > 0);
    }
}
