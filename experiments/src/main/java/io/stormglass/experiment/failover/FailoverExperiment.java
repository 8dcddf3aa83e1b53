package io.stormglass.experiment.failover;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.experiment.exec.LocalEngine;
import io.stormglass.experiment.exec.RunEngine;
import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * The Raft paper's failover experiment (§9.3; Ongaro's thesis §9.4): each trial is its own short
 * run of the scenario with its own seed. After the cluster has settled, the clients are cut off
 * (the paper's cluster was idle when its leader died: no append in flight resets a follower's
 * timer after the leader's last heartbeat broadcast, which reaches every follower at once), and
 * the leader is crashed (power loss, unsynced writes dropped, no restart) at a uniformly random
 * point of one heartbeat interval; since heartbeats go out every interval, that point falls
 * uniformly within the interval after the last broadcast. If no member leads at that instant (a
 * spurious election under a short timeout), the trial runs again with its crash window one
 * settling time later, up to {@value #CRASH_ATTEMPTS} times: the paper crashed leaders only. The trial measures the time until
 * every survivor has received the new leader's first message ({@link FailoverTimeline}).
 *
 * <p>The first member campaigns at once, so that a leader is in place before the crash whatever
 * the timeouts (with a constant timeout, the paper's 150–150 ms line, the first election itself
 * may never settle, and the paper measured failovers of an established leader). The scenario's
 * own faults are left out, except the setup faults that make the survivors' logs differ
 * ({@code withhold-appends}: "the servers in each trial had different log lengths, so some candidates
 * were not eligible to become leader"), which must start before the clients are cut off and which
 * end at the crash (the new leader's first appends reach every survivor). Trials are independent and each is
 * deterministic: trial {@code i} of a scenario with seed {@code s} always runs the same.
 */
public final class FailoverExperiment {
    /** Time after the warm-up before the crash window, in election timeouts (the first leader settles)... */
    static final int SETTLE_ELECTION_TIMEOUTS = 4;
    /** ...and at least this long, so that setup faults have time to make the logs differ. */
    static final long MIN_SETTLE_NANOS = 1_000_000_000L;
    /** How long a trial watches for a new leader after the crash by default, in election timeouts... */
    static final int OBSERVE_ELECTION_TIMEOUTS = 20;
    /** ...and at least this long. */
    static final long MIN_OBSERVE_NANOS = 5_000_000_000L;
    /** How often a trial whose crash instant found no leader tries again one settling time later. */
    static final int CRASH_ATTEMPTS = 5;

    private FailoverExperiment() {
    }

    /**
     * A trial's scenario and its instants.
     *
     * @param quietAtNanos when the clients are cut off (the start of the crash window minus one election timeout)
     * @param crashAtNanos when the leader is crashed
     */
    public record TrialPlan(Scenario scenario, long quietAtNanos, long crashAtNanos) {
    }

    /** The default observation window of {@code base}: 20 election timeouts, at least 5 s. */
    public static long defaultObserveNanos(Scenario base) {
        return Math.max(MIN_OBSERVE_NANOS, OBSERVE_ELECTION_TIMEOUTS * base.cluster().raft().electionTimeoutNanos());
    }

    /** Where the crash window of {@code base} starts: the warm-up plus the settling time. */
    public static long crashWindowStartNanos(Scenario base) {
        return base.warmupNanos() + settleNanos(base);
    }

    private static long settleNanos(Scenario base) {
        return Math.max(MIN_SETTLE_NANOS, SETTLE_ELECTION_TIMEOUTS * base.cluster().raft().electionTimeoutNanos());
    }

    /** The scenario of trial {@code trial} (0-based) of {@code base}, watched for the default window. */
    public static TrialPlan plan(Scenario base, int trial) {
        return plan(base, trial, defaultObserveNanos(base));
    }

    /** The scenario of trial {@code trial} (0-based) of {@code base}, watched for {@code observeNanos} after the crash. */
    public static TrialPlan plan(Scenario base, int trial, long observeNanos) {
        return plan(base, trial, observeNanos, 0);
    }

    /**
     * The scenario of attempt {@code attempt} (0-based) of trial {@code trial}: the same run with its
     * crash window {@code attempt} settling times later (a retry when no member led at the earlier crash
     * instant, which a spurious election under a short timeout can cause; the paper crashed leaders only).
     */
    static TrialPlan plan(Scenario base, int trial, long observeNanos, int attempt) {
        SimRandom r = new RandomStreams(base.seed()).stream("failover/trial-" + trial);
        long seed = r.nextLong() & Long.MAX_VALUE;
        long windowStart = crashWindowStartNanos(base) + attempt * settleNanos(base);
        long crashAt = windowStart + r.nextLong(base.cluster().raft().heartbeatIntervalNanos());
        long quietAt = windowStart - base.cluster().raft().electionTimeoutNanos();
        long duration = crashAt + observeNanos;
        List<FaultSpec> faults = new ArrayList<>();
        // a first leader at once, whatever the timeouts: a constant timeout may never settle a first election
        faults.add(new FaultSpec.Campaign(FaultSpec.Timing.once(0, 0), base.cluster().members().get(0).id()));
        for (FaultSpec f : base.faults()) {
            if (f instanceof FaultSpec.WithholdAppends && f.timing().atNanos() < quietAt) {
                // it lasts until the crash: the logs differ then, and the new leader's appends reach everyone
                long at = f.timing().atNanos();
                faults.add(f.withTiming(FaultSpec.Timing.once(at, crashAt - at)));
            }
        }
        if (!(base.workload().arrival() instanceof WorkloadSpec.Arrival.None) || base.workload().controlPlane() != null) {
            // one group of every member: the clients, named in none, are cut off from all of them
            TreeSet<Integer> members = new TreeSet<>(base.cluster().members().stream().map(MemberSpec::id).toList());
            faults.add(new FaultSpec.Partition(FaultSpec.Timing.once(quietAt, 0), new NetworkFault.Split(List.of(members)), 0, false));
        }
        faults.add(new FaultSpec.LeaderCrash(FaultSpec.Timing.once(crashAt, 0), CrashMode.DROP_UNSYNCED));
        Scenario s = new Scenario(base.name(), base.description(), base.file(), seed, duration, base.warmupNanos(),
                Math.min(base.metricsWindowNanos(), duration), base.cluster(), base.devices(), base.network(), base.workload(),
                base.client(), faults, base.outputs(), base.checks());
        return new TrialPlan(s, quietAt, crashAt);
    }

    /** Runs trial {@code trial} of {@code base} in memory on the calling thread, watched for the default window. */
    public static FailoverTrial runTrial(Scenario base, int trial) {
        return runTrial(base, trial, defaultObserveNanos(base));
    }

    /** Runs trial {@code trial} of {@code base} in memory on the calling thread, watched for {@code observeNanos}. */
    public static FailoverTrial runTrial(Scenario base, int trial, long observeNanos) {
        FailoverTrial t = null;
        for (int attempt = 0; attempt < CRASH_ATTEMPTS && (t == null || t.crashedLeader() == 0); attempt++) {
            t = TrialRun.run(plan(base, trial, observeNanos, attempt));
        }
        return t;
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
        return run(base, trials, defaultObserveNanos(base), jobs, done);
    }

    /** As {@link #run(Scenario, int, int, IntConsumer)}, each trial watched for {@code observeNanos} after its crash. */
    public static List<FailoverTrial> run(Scenario base, int trials, long observeNanos, int jobs, IntConsumer done)
            throws InterruptedException {
        try (RunEngine engine = new LocalEngine(jobs)) {
            return run(base, null, trials, observeNanos, engine, done);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the sink writes nothing
        }
    }

    /**
     * Runs trials {@code 0..trials-1} of {@code base} on {@code engine}, in batches of consecutive
     * trials (one unit of work each, about four per unit of parallelism); the result is in trial
     * order. {@code source} says where an executor loads {@code base} from (null: local engine only).
     *
     * @throws IllegalStateException if a batch failed with an internal error (a bug in Stormglass)
     */
    public static List<FailoverTrial> run(Scenario base, ScenarioSource source, int trials, long observeNanos, RunEngine engine,
            IntConsumer done) throws java.io.IOException, InterruptedException {
        int size = Math.max(1, Math.min(64, trials / Math.max(1, 4 * engine.parallelism())));
        int[] finished = {0};
        List<FailoverJob.BatchResult> batches = engine.map(FailoverJob.batches(trials, size), new FailoverJob(base, source, observeNanos),
                (n, total, batch, result) -> {
                    for (int i = batch.from(); i < batch.to(); i++) {
                        done.accept(++finished[0]);
                    }
                });
        List<FailoverTrial> out = new ArrayList<>();
        for (FailoverJob.BatchResult b : batches) {
            if (b.error() != null) {
                throw new IllegalStateException("a failover trial failed: " + b.error());
            }
            out.addAll(b.trials());
        }
        return out;
    }
}
