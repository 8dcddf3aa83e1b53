package io.stormglass.experiment.failover;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.experiment.exec.ParallelRuns;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The Raft paper's failover experiment (§9.3): each trial is its own short run of the scenario with
 * its own seed, in which the leader is crashed (power loss, unsynced writes dropped, no restart) at a
 * uniformly random point of one heartbeat interval after the cluster has settled; the scenario's
 * own faults are left out so that nothing else interferes. Trials are independent and each is
 * deterministic: trial {@code i} of a scenario with seed {@code s} always runs the same.
 */
public final class FailoverExperiment {
    /** Extra time after the warm-up before the crash window, in election timeouts (the first leader settles). */
    static final int SETTLE_ELECTION_TIMEOUTS = 4;
    /** How long a trial watches for a new leader after the crash, in election timeouts. */
    static final int OBSERVE_ELECTION_TIMEOUTS = 20;
    private static final long MIN_OBSERVE_NANOS = 5_000_000_000L;

    private FailoverExperiment() {
    }

    /** A trial's scenario and the instant its leader is crashed. */
    public record TrialPlan(Scenario scenario, long crashAtNanos) {
    }

    /** The scenario of trial {@code trial} (0-based) of {@code base}. */
    public static TrialPlan plan(Scenario base, int trial) {
        SimRandom r = new RandomStreams(base.seed()).stream("failover/trial-" + trial);
        long seed = r.nextLong() & Long.MAX_VALUE;
        long heartbeat = base.cluster().raft().heartbeatIntervalNanos();
        long election = base.cluster().raft().electionTimeoutNanos();
        long crashAt = base.warmupNanos() + SETTLE_ELECTION_TIMEOUTS * election + r.nextLong(heartbeat);
        long duration = crashAt + Math.max(MIN_OBSERVE_NANOS, OBSERVE_ELECTION_TIMEOUTS * election);
        List<FaultSpec> crash = List.of(new FaultSpec.LeaderCrash(FaultSpec.Timing.once(crashAt, 0), CrashMode.DROP_UNSYNCED));
        Scenario s = new Scenario(base.name(), base.description(), base.file(), seed, duration, base.warmupNanos(),
                Math.min(base.metricsWindowNanos(), duration), base.cluster(), base.devices(), base.network(), base.workload(),
                base.client(), crash, base.outputs(), base.checks());
        return new TrialPlan(s, crashAt);
    }

    /** Runs trial {@code trial} of {@code base} in memory on the calling thread. */
    public static FailoverTrial runTrial(Scenario base, int trial) {
        TrialPlan p = plan(base, trial);
        RunResult r;
        try {
            r = Runner.run(p.scenario(), Runner.Options.inMemory(System::nanoTime));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Integer> members = base.cluster().members().stream().map(MemberSpec::id).toList();
        long[] m = FailoverTimeline.measure(r.recorder().timeline().events(), members, p.crashAtNanos());
        return new FailoverTrial(p.scenario().seed(), p.crashAtNanos(), (int) m[0], (int) m[1], m[2], r.fingerprint());
    }

    /** Runs trials {@code 0..trials-1} on the calling thread. */
    public static List<FailoverTrial> run(Scenario base, int trials) {
        List<FailoverTrial> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            out.add(runTrial(base, i));
        }
        return out;
    }

    /**
     * Runs trials {@code 0..trials-1} on {@code jobs} threads (one simulation per thread); the
     * result is in trial order whatever the interleaving. {@code done} hears the count of finished trials.
     */
    public static List<FailoverTrial> run(Scenario base, int trials, int jobs, IntConsumer done) throws InterruptedException {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            indexes.add(i);
        }
        int[] finished = {0};
        return ParallelRuns.map(indexes, jobs, trial -> {
            FailoverTrial t = runTrial(base, trial);
            synchronized (finished) {
                done.accept(++finished[0]);
            }
            return t;
        });
    }
}
