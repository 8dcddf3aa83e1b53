package io.stormglass.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepRunnerTest {
    @TempDir
    Path dir;

    /** Stands in for a simulation: distinct, recognisable figures per scenario. */
    private static Measurements fake(long electionNanos, long seed) {
        return new Measurements(12, 0.01, 1000, "fake-" + electionNanos / 1_000_000 + "-" + seed, 1, 1, 300, 0.5, 3600,
                100, 2, 3.5, 1.5, 2.25, 0.2, new double[] {250, 310});
    }

    @Test
    void smallGridRunsForRealAndWritesOneRowPerRun() throws Exception {
        SweepSpec spec = SweepFileLoader.load(SweepFiles.write(dir, SweepFiles.GRID));
        List<String> heard = Collections.synchronizedList(new ArrayList<>());
        SweepRunner.Outcome o = SweepRunner.run(spec, dir.resolve("out"), 2, (done, toRun, row) -> heard.add(done + "/" + toRun));
        assertEquals(4, o.ran());
        assertEquals(0, o.skipped());
        assertEquals(3, o.count(RunStatus.OK));
        assertEquals(1, o.count(RunStatus.INVALID));
        assertEquals(4, heard.size());
        assertTrue(heard.contains("4/4"));
        List<String> lines = Files.readAllLines(dir.resolve("out/sweep.csv"), StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), "header and four rows");
        assertEquals(String.join(",", SweepCsv.header(spec.variedKeys())), lines.get(0));
        RunRow invalid = o.rows().get(2);
        assertEquals(RunStatus.INVALID, invalid.status());
        assertTrue(invalid.error().contains("must be at least 5 × heartbeat-interval"), invalid.error());
        for (RunRow r : o.rows()) {
            if (r.status() == RunStatus.OK) {
                Measurements m = r.measured();
                assertEquals(12.0, m.simulatedSeconds());
                assertTrue(m.requests() > 50, "the client ran: " + m.requests());
                assertEquals(0, m.spuriousChanges(), "a healthy cluster keeps its leader");
                assertEquals(2, m.failoverMs().length);
                for (double f : m.failoverMs()) {
                    // a follower campaigns no sooner than one election timeout after the last heartbeat
                    assertTrue(f >= r.electionMs() - r.heartbeatMs() && f < 4 * r.electionMs(), "failover " + f + " ms in " + r);
                }
            }
        }
        // the CSV reads back to the same rows (times to the nanosecond, other figures to 6 decimals)
        List<RunRow> back = SweepRunner.sorted(spec, SweepCsv.read(dir.resolve("out/sweep.csv"), spec.variedKeys()));
        assertEquals(o.rows().size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            RunRow a = o.rows().get(i);
            RunRow b = back.get(i);
            assertEquals(a.key() + a.status() + a.error(), b.key() + b.status() + b.error());
            if (a.measured() != null) {
                assertEquals(a.measured().fingerprint(), b.measured().fingerprint());
                assertArrayEquals(a.measured().failoverMs(), b.measured().failoverMs());
                assertEquals(a.measured().putP99Ms(), b.measured().putP99Ms());
                assertEquals(a.measured().unavailableSecondsPerDay(), b.measured().unavailableSecondsPerDay(), 1e-6);
            }
        }
    }

    @Test
    void rowsDoNotDependOnTheNumberOfThreads() throws Exception {
        String text = SweepFiles.GRID.replace("trials: 2", "trials: 1").replace("[100ms, 200ms]", "[100ms]");
        SweepSpec spec = SweepFileLoader.load(SweepFiles.write(dir, text));
        SweepRunner.Outcome one = SweepRunner.run(spec, dir.resolve("j1"), 1, (d, t, r) -> { });
        SweepRunner.Outcome two = SweepRunner.run(spec, dir.resolve("j2"), 2, (d, t, r) -> { });
        assertEquals(fingerprints(one), fingerprints(two));
        assertEquals(2, one.count(RunStatus.OK));
    }

    private static List<String> fingerprints(SweepRunner.Outcome o) {
        return o.rows().stream().map(r -> r.key() + " " + r.measured().fingerprint() + " " + r.measured().failoverMs()[0]).toList();
    }

    @Test
    void resumeRunsOnlyWhatIsMissing() throws Exception {
        String text = SweepFiles.GRID.replace("seeds: 1", "seeds: 2");
        SweepSpec spec = SweepFileLoader.load(SweepFiles.write(dir, text));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        // a sweep killed half-way: three rows written, the fourth cut off in the middle of its line
        try (SweepCsv csv = SweepCsv.append(out.resolve(SweepRunner.CSV), spec.variedKeys())) {
            for (int i = 0; i < 3; i++) {
                SweepPoint p = spec.points().get(i / 2);
                csv.write(new RunRow(p.id(), 1 + i % 2, RunStatus.OK, 100, 500 * (i / 2 + 1), fake(7_000_000L, 7), ""), p);
            }
        }
        Files.writeString(out.resolve(SweepRunner.CSV), "\"cluster.heartbeat-interval=200ms,clu", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        AtomicInteger measured = new AtomicInteger();
        SweepRunner.Outcome o = SweepRunner.run(spec, out, 2, (d, t, r) -> { }, (s, trials) -> {
            measured.incrementAndGet();
            return fake(s.cluster().raft().electionTimeoutNanos(), s.seed());
        });
        assertEquals(3, o.skipped());
        assertEquals(5, o.ran(), "8 runs, 3 done before");
        assertEquals(3, measured.get(), "the refused point's two seeds are recorded without running");
        assertEquals(8, o.rows().size());
        assertEquals("fake-7-7", o.rows().get(0).measured().fingerprint(), "earlier rows kept as they were");
        assertEquals("fake-1000-2", o.rows().get(3).measured().fingerprint());
        List<RunRow> reread = SweepCsv.read(out.resolve(SweepRunner.CSV), spec.variedKeys());
        assertEquals(8, reread.size(), "the cut-off line is ignored");
        // a third run finds everything done
        SweepRunner.Outcome again = SweepRunner.run(spec, out, 2, (d, t, r) -> { }, (s, trials) -> {
            throw new AssertionError("nothing should run");
        });
        assertEquals(0, again.ran());
        assertEquals(8, again.skipped());
    }

    @Test
    void aFailingRunIsRecordedAndTheSweepGoesOn() throws Exception {
        SweepSpec spec = SweepFileLoader.load(SweepFiles.write(dir, SweepFiles.GRID));
        SweepRunner.Outcome o = SweepRunner.run(spec, dir.resolve("out"), 2, (d, t, r) -> { }, (s, trials) -> {
            if (s.cluster().raft().heartbeatIntervalNanos() == 100_000_000L && s.cluster().raft().electionTimeoutNanos() == 500_000_000L) {
                throw new IllegalStateException("simulated bug\nsecond line");
            }
            return fake(s.cluster().raft().electionTimeoutNanos(), s.seed());
        });
        assertEquals(1, o.count(RunStatus.ERROR));
        assertEquals(2, o.count(RunStatus.OK));
        RunRow failed = o.rows().get(0);
        assertEquals(RunStatus.ERROR, failed.status());
        assertTrue(failed.error().startsWith("IllegalStateException: simulated bug"), failed.error());
        List<RunRow> reread = SweepCsv.read(dir.resolve("out/sweep.csv"), spec.variedKeys());
        RunRow back = reread.stream().filter(r -> r.status() == RunStatus.ERROR).findFirst().orElseThrow();
        assertTrue(back.error().contains("simulated bug | second line"), "one line in the CSV: " + back.error());
        List<PointResult> points = PointResult.of(spec, o.rows());
        assertEquals(RunStatus.ERROR, points.get(0).status());
        assertFalse(Recommender.recommend(points, 0).text().contains("100ms/500ms"), "a failed point is never recommended");
    }

    @Test
    void anotherSweepsCsvIsRefused() throws Exception {
        SweepSpec spec = SweepFileLoader.load(SweepFiles.write(dir, SweepFiles.GRID));
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(SweepRunner.CSV), "point,other.key,seed\n");
        io.stormglass.scenario.yaml.ScenarioException e = assertThrows(io.stormglass.scenario.yaml.ScenarioException.class,
                () -> SweepRunner.run(spec, out, 1, (d, t, r) -> { }, (s, trials) -> fake(1, 1)));
        assertTrue(e.getMessage().startsWith(out.resolve(SweepRunner.CSV) + ":1: the columns differ from this sweep's"), e.getMessage());
    }
}
