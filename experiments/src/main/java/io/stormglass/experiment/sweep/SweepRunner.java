package io.stormglass.experiment.sweep;

import io.stormglass.scenario.model.Scenario;
import io.stormglass.experiment.exec.LocalEngine;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.UnitFailures;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a sweep: every (point, seed) not yet in {@code sweep.csv} goes to a fixed pool of
 * {@code jobs} threads, one simulation per thread (each run single-threaded and deterministic, so
 * a row's figures do not depend on {@code jobs}; only the row order does). Each finished run is
 * appended to the CSV at once. A run that throws is recorded as {@code error} with its message and
 * the sweep goes on; a point etcd would refuse is recorded as {@code invalid}. Re-running a sweep
 * into the same folder skips every (point, seed) already recorded, whatever its status; delete a
 * row to run it again.
 */
public final class SweepRunner {
    /** The file name of the results in the output folder. */
    public static final String CSV = "sweep.csv";

    /** Measures one run (the seam tests use to make a run fail). */
    @FunctionalInterface
    interface Measure extends java.io.Serializable {
        Measurements measure(Scenario s, int failoverTrials) throws Exception;
    }

    /** Hears each finished run, one call at a time, in completion order (on the driver for a distributed engine). */
    @FunctionalInterface
    public interface Listener {
        void finished(int done, int toRun, RunRow row);
    }

    /**
     * What a sweep did.
     *
     * @param skipped runs found in {@code sweep.csv} and not run again
     * @param ran     runs done now
     * @param rows    every row of the sweep, the earlier ones included, sorted by point order then seed
     */
    public record Outcome(int skipped, int ran, List<RunRow> rows) {
        public long count(RunStatus status) {
            return rows.stream().filter(r -> r.status() == status).count();
        }
    }

    private SweepRunner() {
    }

    /** The sweep on {@code jobs} threads of this JVM. */
    public static Outcome run(SweepSpec spec, Path outDir, int jobs, Listener listener) throws IOException, InterruptedException {
        return run(spec, outDir, new LocalEngine(jobs), listener);
    }

    /** The sweep on {@code engine}: one unit of work per (point, seed) not yet in {@code sweep.csv}. */
    public static Outcome run(SweepSpec spec, Path outDir, RunEngine engine, Listener listener) throws IOException, InterruptedException {
        return run(spec, outDir, engine, listener, RunMeasurer::measure);
    }

    static Outcome run(SweepSpec spec, Path outDir, int jobs, Listener listener, Measure measure)
            throws IOException, InterruptedException {
        return run(spec, outDir, new LocalEngine(jobs), listener, measure);
    }

    static Outcome run(SweepSpec spec, Path outDir, RunEngine engine, Listener listener, Measure measure)
            throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        Path csvFile = outDir.resolve(CSV);
        List<RunRow> earlier = SweepCsv.read(csvFile, spec.variedKeys());
        Set<String> done = earlier.stream().map(RunRow::key).collect(Collectors.toCollection(TreeSet::new));
        List<RunRow> fresh = new ArrayList<>();
        List<SweepJob.Unit> toRun = new ArrayList<>();
        for (int i = 0; i < spec.points().size(); i++) {
            for (long seed : spec.seeds()) {
                if (!done.contains(RunRow.key(spec.points().get(i).id(), seed))) {
                    toRun.add(new SweepJob.Unit(i, seed));
                }
            }
        }
        try (SweepCsv csv = SweepCsv.append(csvFile, spec.variedKeys())) {
            // each row is in sweep.csv as soon as its run ends: a killed driver loses no finished run
            engine.map(toRun, new SweepJob(spec, measure), (n, total, unit, row) -> {
                csv.write(row, spec.points().get(unit.point()));
                fresh.add(row);
                listener.finished(n, total, row);
            });
        }
        List<RunRow> all = new ArrayList<>(earlier);
        all.addAll(fresh);
        return new Outcome(earlier.size(), fresh.size(), sorted(spec, all));
    }

    /** Rows in the sweep's point order, then seed; rows of points no longer in the sweep are dropped. */
    static List<RunRow> sorted(SweepSpec spec, List<RunRow> rows) {
        List<RunRow> out = new ArrayList<>();
        for (SweepPoint p : spec.points()) {
            for (long seed : spec.seeds()) {
                String key = RunRow.key(p.id(), seed);
                rows.stream().filter(r -> r.key().equals(key)).findFirst().ifPresent(out::add);
            }
        }
        return out;
    }

    /** One (point, seed): its row, never a throw (a failed run is an {@code error} row). */
    static RunRow runOne(SweepSpec spec, SweepPoint p, long seed, Measure measure) {
        double hb = pointMs(p, SweepSpec.HEARTBEAT_KEY);
        double et = pointMs(p, SweepSpec.ELECTION_KEY);
        Scenario s;
        try {
            s = PointScenarios.load(spec, p).withSeed(seed);
        } catch (ScenarioException e) {
            boolean refused = e.problems().stream().allMatch(PointScenarios::isRefusedValue);
            String why = e.problems().stream().map(ScenarioProblem::oneLine).collect(Collectors.joining("; "));
            return new RunRow(p.id(), seed, refused ? RunStatus.INVALID : RunStatus.ERROR, hb, et, null, why);
        }
        hb = s.cluster().raft().heartbeatIntervalNanos() / 1e6;
        et = s.cluster().raft().electionTimeoutNanos() / 1e6;
        try {
            Measurements m = measure.measure(s, spec.measuresFailover() ? spec.failoverTrials() : 0);
            return new RunRow(p.id(), seed, RunStatus.OK, hb, et, m, "");
        } catch (Exception | StackOverflowError | AssertionError e) {
            return new RunRow(p.id(), seed, RunStatus.ERROR, hb, et, null, UnitFailures.describe(e));
        }
    }

    static double pointMs(SweepPoint p, String key) {
        String v = p.value(key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Units.durationNanos(v) / 1e6;
        } catch (UnitException e) {
            return Double.NaN;
        }
    }
}
