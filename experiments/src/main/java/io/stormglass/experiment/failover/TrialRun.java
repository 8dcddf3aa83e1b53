package io.stormglass.experiment.failover;

import io.stormglass.engine.metrics.Recorder;
import io.stormglass.run.ProgressListener;
import io.stormglass.run.RunSession;
import io.stormglass.run.Runner;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Runs one planned trial and stops it as soon as it has its measurement: the faults go on in
 * time order, then after the crash the run advances one heartbeat interval at a time until every
 * survivor knows the new leader or the observation window ends. Stopping early changes nothing
 * before the stop (the measured instant is an event's own time), and a stop after the same steps
 * replays the same events: the fingerprint is of the events up to the stop.
 */
final class TrialRun {
    private TrialRun() {
    }

    static FailoverTrial run(FailoverExperiment.TrialPlan plan) {
        Scenario s = plan.scenario();
        List<Integer> members = s.cluster().members().stream().map(MemberSpec::id).toList();
        long step = Math.max(1_000_000L, s.cluster().raft().heartbeatIntervalNanos());
        LeaderWatch watch = new LeaderWatch();
        Recorder[] recorder = new Recorder[1];
        Runner.Options options = new Runner.Options(null, "", "", watch, ProgressListener.NONE);
        try (RunSession session = RunSession.start(s, options, (sim, r) -> {
            watch.clock(sim);
            recorder[0] = r;
        })) {
            for (FaultSpec f : s.faultsInTimeOrder()) {
                session.runUntil(f.timing().atNanos());
                session.inject(f);
            }
            FailoverTimeline.Measured m = null;
            int measuredAt = -1;
            while (true) {
                // the whole timeline is measured again only when a leader change was heard (or the crash not yet seen):
                // nothing else can resolve the trial, and a window of hours would otherwise cost its square
                if (m == null || m.crashedLeader() == 0 || watch.heard() != measuredAt) {
                    measuredAt = watch.heard();
                    m = FailoverTimeline.measure(watch.merged(recorder[0].timeline().events()), members, plan.crashAtNanos());
                }
                boolean noCrash = m.crashedLeader() == 0 && session.nowNanos() > plan.crashAtNanos();
                if (m.resolved() || noCrash || session.nowNanos() >= s.durationNanos()) {
                    break;
                }
                session.runUntil(session.nowNanos() + step);
            }
            return new FailoverTrial(s.seed(), plan.crashAtNanos(), m.crashedLeader(), m.newLeader(), m.failoverNanos(),
                    m.terms(), session.fingerprintSoFar());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
