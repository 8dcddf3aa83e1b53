package io.stormglass.run;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one scenario from start to end ({@link RunSession} does the work): assembles the cluster,
 * starts the load after the warm-up, puts the faults on the timeline, runs the simulation, checks,
 * and writes the run's folder.
 */
public final class Runner {

    /**
     * How to run.
     *
     * @param outDir           where to write the run's folder; null to write nothing
     * @param reproduceCommand the command a person types to run this again (shown in the report)
     * @param scenarioText     the scenario as resolved, for the report
     * @param observer         sees members' persisted and applied state (safety checkers); may be {@link MemberObserver#NONE}
     * @param progress         hears progress between chunks
     * @param wallClock        times the run for progress and its speed figures ({@link WallClock#STOPPED}: not timed)
     */
    public record Options(Path outDir, String reproduceCommand, String scenarioText, MemberObserver observer,
            ProgressListener progress, WallClock wallClock) {
        /** Options without a wall clock: the run is not timed and reports no progress before its end. */
        public Options(Path outDir, String reproduceCommand, String scenarioText, MemberObserver observer,
                ProgressListener progress) {
            this(outDir, reproduceCommand, scenarioText, observer, progress, WallClock.STOPPED);
        }

        /** Writes nothing, reports nothing, is not timed. */
        public static Options inMemory() {
            return new Options(null, "", "", MemberObserver.NONE, ProgressListener.NONE);
        }

        /** Writes nothing, reports nothing, and is timed by {@code wallClock}. */
        public static Options inMemory(WallClock wallClock) {
            return new Options(null, "", "", MemberObserver.NONE, ProgressListener.NONE, wallClock);
        }
    }

    private Runner() {
    }

    /**
     * Called once the run is assembled (cluster started, load and faults scheduled) and before the
     * simulation runs: a measurement that needs events of its own schedules them here (they go into
     * the fingerprint like any other event).
     */
    @FunctionalInterface
    public interface AssemblyHook {
        AssemblyHook NONE = (sim, recorder) -> { };

        void assembled(Simulation sim, Recorder recorder);
    }

    public static RunResult run(Scenario s, Options options) throws IOException {
        return run(s, options, AssemblyHook.NONE);
    }

    /**
     * Runs {@code s}: injects each fault as the run reaches its start (in start order, ties in
     * file order), runs to the end, checks if the scenario asks, and writes the run's folder.
     */
    public static RunResult run(Scenario s, Options options, AssemblyHook hook) throws IOException {
        try (RunSession session = RunSession.start(s, options, hook)) {
            for (FaultSpec f : s.faultsInTimeOrder()) {
                session.runUntil(f.timing().atNanos());
                session.inject(f);
            }
            return session.finish();
        }
    }
}
