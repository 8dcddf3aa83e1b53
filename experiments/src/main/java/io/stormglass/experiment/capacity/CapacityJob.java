package io.stormglass.experiment.capacity;

import io.stormglass.experiment.exec.LoadedOnce;
import io.stormglass.experiment.exec.UnitJob;
import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.DiskVerdict;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.capacity.Resource;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.nio.file.Path;
import java.util.List;

/**
 * A capacity study's unit of work for any engine: one profile's whole ramp (its steps run in
 * increasing load and stop after the SLO's consecutive misses, so they belong to one task), its
 * outcome back. An executor loads the plan from the same absolute path.
 */
final class CapacityJob implements UnitJob<Integer, ProfileOutcome> {
    @Serial
    private static final long serialVersionUID = 1L;

    private transient CapacityPlan plan;
    private transient CapacityRunner.Progress progress;
    private final String planFile;

    /**
     * @param planFile the plan's absolute path, or null (local engine only)
     * @param progress hears each step as it ends (local engine only: a remote task reports none)
     */
    CapacityJob(CapacityPlan plan, String planFile, CapacityRunner.Progress progress) {
        this.plan = plan;
        this.planFile = planFile;
        this.progress = progress;
    }

    @Override
    public ProfileOutcome run(Integer profile) {
        if (plan == null) {
            plan = LoadedOnce.get("capacity\n" + planFile, f -> CapacityLoader.load(Path.of(planFile)));
            progress = CapacityRunner.Progress.NONE;
        }
        Profile p = plan.profiles().get(profile);
        return RampRunner.run(p, plan.ramp(), plan.slo(), step -> progress.stepDone(p.name(), step));
    }

    @Override
    public ProfileOutcome internalError(Integer profile, String error) {
        Profile p = plan == null ? null : plan.profiles().get(profile);
        String name = p == null ? "profile " + profile : p.name();
        return new ProfileOutcome(name, "internal error: " + error, List.<CapacityStep>of(), 0, false, Double.NaN, Resource.NONE,
                error, new DiskVerdict(Double.NaN, Double.NaN, false, false, "not measured (internal error)"), null);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws java.io.IOException {
        if (planFile == null) {
            throw new NotSerializableException("a capacity plan without its file runs on the local engine only");
        }
        out.defaultWriteObject();
    }
}
