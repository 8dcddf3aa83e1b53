package io.stormglass.experiment.capacity;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.experiment.exec.LocalEngine;
import io.stormglass.experiment.exec.RunEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every profile's ramp, {@code jobs} profiles at a time (one simulation per thread; each
 * simulation is single-threaded and shares nothing, so the outcome does not depend on
 * {@code jobs} or on timing), and gathers the study in the file's order.
 */
public final class CapacityRunner {
    /**
     * Hears each finished step of each profile: as it ends on the local engine (from the worker
     * threads), when its profile's ramp ends on a distributed one.
     */
    public interface Progress {
        Progress NONE = (profile, step) -> { };

        void stepDone(String profile, CapacityStep step);
    }

    private CapacityRunner() {
    }

    public static CapacityStudy run(CapacityPlan plan, int jobs, String reproduceCommand, Progress progress)
            throws InterruptedException {
        try (RunEngine engine = new LocalEngine(jobs)) {
            return run(plan, null, engine, reproduceCommand, progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the sink writes nothing
        }
    }

    /**
     * Runs every profile's ramp on {@code engine}, one unit of work per profile.
     *
     * @param planFile the plan's file, which a remote executor loads (null: local engine only)
     */
    public static CapacityStudy run(CapacityPlan plan, java.nio.file.Path planFile, RunEngine engine, String reproduceCommand,
            Progress progress) throws IOException, InterruptedException {
        boolean streamed = engine instanceof LocalEngine;
        List<Integer> profiles = new ArrayList<>();
        for (int i = 0; i < plan.profiles().size(); i++) {
            profiles.add(i);
        }
        String file = planFile == null ? null : planFile.toAbsolutePath().normalize().toString();
        List<ProfileOutcome> outcomes = engine.map(profiles, new CapacityJob(plan, file, streamed ? progress : Progress.NONE),
                (n, total, i, outcome) -> {
                    if (!streamed) {
                        outcome.steps().forEach(step -> progress.stepDone(outcome.name(), step));
                    }
                });
        return new CapacityStudy(plan.name(), plan.description(), plan.workload(), plan.slo().describe(),
                plan.slo().putP99Nanos() / 1e6, plan.slo().getP99Nanos() / 1e6,
                plan.currentLoadPerSecond(), plan.monthlyGrowth(), reproduceCommand, outcomes);
    }
}
