package io.stormglass.scenario.capacity;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.ProfileOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, plan.profiles().size())));
        try {
            List<Future<ProfileOutcome>> futures = new ArrayList<>();
            for (Profile p : plan.profiles()) {
                futures.add(pool.submit(() -> RampRunner.run(p, plan.ramp(), plan.slo(), s -> progress.stepDone(p.name(), s))));
            }
            List<ProfileOutcome> outcomes = new ArrayList<>();
            for (Future<ProfileOutcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new IllegalStateException(cause);
                }
            }
            return new CapacityStudy(plan.name(), plan.description(), plan.workload(), plan.slo().describe(),
                    plan.slo().putP99Nanos() / 1e6, plan.slo().getP99Nanos() / 1e6,
                    plan.currentLoadPerSecond(), plan.monthlyGrowth(), reproduceCommand, outcomes);
        } finally {
            pool.shutdownNow();
        }
    }
}
