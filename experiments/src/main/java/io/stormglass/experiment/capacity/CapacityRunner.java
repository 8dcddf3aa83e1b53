package io.stormglass.experiment.capacity;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.experiment.exec.ParallelRuns;
import java.util.List;

/**
 * Runs every profile's ramp, {@code jobs} profiles at a time (one simulation per thread; each
 * simulation is single-threaded and shares nothing, so the outcome does not depend on
 * {@code jobs} or on timing), and gathers the study in the file's order.
 */
public final class CapacityRunner {
    /** Hears each finished step of each profile; called from the worker threads. */
    public interface Progress {
        Progress NONE = (profile, step) -> { };

        void stepDone(String profile, CapacityStep step);
    }

    private CapacityRunner() {
    }

    public static CapacityStudy run(CapacityPlan plan, int jobs, String reproduceCommand, Progress progress)
            throws InterruptedException {
        List<ProfileOutcome> outcomes = ParallelRuns.map(plan.profiles(), jobs,
                p -> RampRunner.run(p, plan.ramp(), plan.slo(), step -> progress.stepDone(p.name(), step)));
        return new CapacityStudy(plan.name(), plan.description(), plan.workload(), plan.slo().describe(),
                plan.slo().putP99Nanos() / 1e6, plan.slo().getP99Nanos() / 1e6,
                plan.currentLoadPerSecond(), plan.monthlyGrowth(), reproduceCommand, outcomes);
    }
}
