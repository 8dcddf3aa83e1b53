package io.stormglass.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.UnitJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster (a master and two workers, separate JVMs on 127.0.0.1, from
 * Maven's Spark jars): a sweep and a fuzz campaign submitted with spark-submit's own class
 * ({@code org.apache.spark.deploy.SparkSubmit}) and the shaded jar give the rows the same command
 * gives with {@code --engine local}; an executor that dies mid-task has its task run again and its
 * row handed over once. Runs after {@code package} with {@code -Pspark-cluster} (.ci/run).
 */
@Tag("cluster")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SparkClusterTest {
    static final Path JAR = StandaloneCluster.TARGET.resolve("stormglass-spark.jar");
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;
    static long startedNanos;

    @BeforeAll
    static void start() throws Exception {
        startedNanos = System.nanoTime();
        cluster = new StandaloneCluster(dir, 2);
        System.out.printf(Locale.ROOT, "cluster up in %.1f s at %s%n", (System.nanoTime() - startedNanos) / 1e9, cluster.master());
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        System.out.printf(Locale.ROOT, "cluster test wall time %.1f s%n", (System.nanoTime() - startedNanos) / 1e9);
    }

    @Test
    void aSubmittedSweepGivesTheLocalEnginesRows() throws Exception {
        Path sweep = Fixtures.tinySweep(dir);
        long t0 = System.nanoTime();
        submit("sweep", "sweep", sweep.toString(), "--engine", "spark", "--out", dir.resolve("sweep-cluster").toString());
        double clusterSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        local("sweep-local", "sweep", sweep.toString(), "--engine", "local", "--jobs", "2", "--out", dir.resolve("sweep-local").toString());
        List<String> expected = Fixtures.rowsWithoutWall(dir.resolve("sweep-local/sweep.csv"));
        System.out.printf(Locale.ROOT, "sweep: cluster %.1f s (with driver start), local %.1f s; rows:%n%s%n", clusterSeconds,
                (System.nanoTime() - t0) / 1e9, String.join("\n", expected));
        assertEquals(4, expected.size());
        assertEquals(expected, Fixtures.rowsWithoutWall(dir.resolve("sweep-cluster/sweep.csv")));
    }

    @Test
    void aSubmittedFuzzCampaignGivesTheLocalEnginesRows() throws Exception {
        String scenario = Fixtures.SCENARIOS.resolve("safety-fuzz.yaml").toString();
        long t0 = System.nanoTime();
        submit("fuzz", "fuzz", scenario, "--seeds", "6", "--set", "duration=4s", "--engine", "spark", "--out",
                dir.resolve("fuzz-cluster").toString());
        double clusterSeconds = (System.nanoTime() - t0) / 1e9;
        local("fuzz-local", "fuzz", scenario, "--seeds", "6", "--set", "duration=4s", "--jobs", "2", "--out",
                dir.resolve("fuzz-local").toString());
        List<String> expected = Fixtures.rowsWithoutWall(dir.resolve("fuzz-local/fuzz.csv"));
        System.out.printf(Locale.ROOT, "fuzz: cluster %.1f s (with driver start); rows:%n%s%n", clusterSeconds, String.join("\n", expected));
        assertEquals(6, expected.size());
        assertEquals(expected, Fixtures.rowsWithoutWall(dir.resolve("fuzz-cluster/fuzz.csv")));
    }

    @Test
    void anExecutorLostMidTaskHasItsTaskRunAgainAndItsRowHandedOverOnce() throws Exception {
        Path marker = dir.resolve("halted-once");
        List<String> heard = new ArrayList<>();
        List<String> rows;
        try (RunEngine engine = new SparkEngine(SparkEngineProvider.conf(cluster.master()).set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.executor.memory", "512m")
                // the job's class is a test class: executors load it, and the engine's classes, from their own class path
                .set("spark.executor.extraClassPath", JAR + ":" + StandaloneCluster.TARGET.resolve("test-classes")))) {
            rows = engine.map(List.of(1, 2, 3, 4), new HaltOnceJob(marker.toString(), 2), (d, t, unit, row) -> heard.add(row));
        }
        assertTrue(Files.exists(marker), "unit 2's first attempt killed its executor");
        assertEquals(List.of("ok 1", "ok 2", "ok 3", "ok 4"), rows);
        assertEquals(4, heard.size(), "each row handed over once: " + heard);
    }

    /** Unit {@code victim} kills its executor's JVM the first time it runs (a lost machine); every unit gives "ok N". */
    record HaltOnceJob(String marker, int victim) implements UnitJob<Integer, String> {
        @Override
        public String run(Integer unit) throws IOException {
            if (unit == victim && !Files.exists(Path.of(marker))) {
                Files.writeString(Path.of(marker), "halted\n");
                Runtime.getRuntime().halt(137);
            }
            return "ok " + unit;
        }

        @Override
        public String internalError(Integer unit, String error) {
            return "error " + unit + ": " + error;
        }
    }

    /** spark-submit (its main class, client mode) of the shaded jar with the stormglass arguments; exit 0 expected. */
    private static void submit(String name, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--master", cluster.master(), "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executor.memory=512m",
                "--class", "io.stormglass.cli.StormglassCli", JAR.toString()));
        all.addAll(List.of(args));
        await(name, cluster.java(dir.resolve(name + "-submit.log"), "", "org.apache.spark.deploy.SparkSubmit", all.toArray(String[]::new)));
    }

    /** The same command with the local engine, from the same jar. */
    private static void local(String name, String... args) throws Exception {
        await(name, cluster.java(dir.resolve(name + ".log"), JAR.toString(), "io.stormglass.cli.StormglassCli", args));
    }

    private static void await(String name, Process p) throws Exception {
        Path log = dir.resolve(name + (name.endsWith("local") ? ".log" : "-submit.log"));
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(name + " did not finish within 5 minutes:\n" + Files.readString(log));
        }
        assertEquals(0, p.exitValue(), name + " failed:\n" + Files.readString(log));
    }
}
