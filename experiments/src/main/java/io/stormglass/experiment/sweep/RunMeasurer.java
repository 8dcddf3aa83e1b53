package io.stormglass.experiment.sweep;

import io.stormglass.report.RunRecord;
import io.stormglass.report.sweep.RunFigures;
import io.stormglass.experiment.failover.FailoverExperiment;
import io.stormglass.experiment.failover.FailoverTrial;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.run.RunResult;
import io.stormglass.run.RunSession;
import io.stormglass.run.Runner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs one (point, seed) of a sweep on the calling thread: the scenario as written (with whatever
 * faults it has) for the spurious-change, availability, error and latency figures, then, if the
 * sweep measures failover, that many failover trials of the same scenario and seed.
 */
final class RunMeasurer {
    private static final double NANOS_PER_HOUR = 3600e9;
    private static final double SECONDS_PER_DAY = 86_400;

    private RunMeasurer() {
    }

    static Measurements measure(Scenario s, int failoverTrials) throws IOException {
        RunResult r = Runner.run(s, Runner.Options.inMemory(System::nanoTime));
        RunFigures f = RunFigures.of(record(r));
        double wall = r.wallSeconds();
        double[] failover = new double[failoverTrials];
        for (int i = 0; i < failoverTrials; i++) {
            long start = System.nanoTime();
            FailoverTrial t = FailoverExperiment.runTrial(s, i);
            wall += (System.nanoTime() - start) / 1e9;
            failover[i] = t.resolved() ? t.failoverNanos() / 1e6 : Double.POSITIVE_INFINITY;
        }
        long observed = Math.max(1, s.durationNanos() - f.initialElectionNanos());
        double unavailable = (f.unavailableNanos() - f.initialElectionNanos()) / 1e9;
        return new Measurements(s.durationNanos() / 1e9, wall, r.events(), r.fingerprint(),
                f.changesWithoutCrash() + f.changesAfterCrash(), f.changesWithoutCrash(),
                f.changesWithoutCrash() / (observed / NANOS_PER_HOUR), unavailable,
                unavailable / (observed / 1e9) * SECONDS_PER_DAY, f.requests(), f.errors(), f.putP99Nanos() / 1e6,
                f.getP99Nanos() / 1e6, f.walFsyncMaxNanos() / 1e6, f.slowestPairRttNanos() / 1e6, failover);
    }

    /** The run as the reports module sees it (it reads the timeouts; no settings to show). */
    static RunRecord record(RunResult r) {
        Scenario s = r.scenario();
        SortedMap<String, String> settings = new TreeMap<>();
        List<Integer> ids = new ArrayList<>();
        SortedMap<Integer, String> wal = new TreeMap<>();
        for (MemberSpec m : s.cluster().members()) {
            ids.add(m.id());
            wal.put(m.id(), m.walDevice());
        }
        return new RunRecord(s.name(), s.description(), s.seed(), r.fingerprint(), s.durationNanos(), r.wallSeconds(),
                r.events(), "", "", RunSession.timeouts(s), settings, ids, wal, r.recorder());
    }
}
