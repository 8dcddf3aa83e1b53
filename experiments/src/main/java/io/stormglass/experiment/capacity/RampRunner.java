package io.stormglass.experiment.capacity;

import io.stormglass.disk.fio.DiskCheck;
import io.stormglass.disk.fio.DiskCheckResult;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.DiskVerdict;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.capacity.Resource;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one profile's ramp on the calling thread: one simulation per step, in increasing load,
 * until the ramp's upper bound or {@code stopAfterFailures} consecutive steps miss the SLO; then
 * analyses the steps and runs etcd's disk check on the profile's WAL device.
 */
public final class RampRunner {
    private RampRunner() {
    }

    /**
     * @param onStep hears each finished step (progress)
     */
    public static ProfileOutcome run(Profile profile, Ramp ramp, Slo slo, Consumer<CapacityStep> onStep) {
        List<CapacityStep> steps = new ArrayList<>();
        int failuresInARow = 0;
        for (double rate : ramp.rates()) {
            Scenario step = StepScenarios.at(profile, ramp, rate);
            MeasuredPeriod period = new MeasuredPeriod(ramp.warmupNanos() + ramp.settleNanos());
            RunResult result;
            try {
                result = Runner.run(step, Runner.Options.inMemory(System::nanoTime), period);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // in-memory runs write nothing
            }
            CapacityStep measured = StepMeasurement.measure(result, period, rate, slo);
            steps.add(measured);
            onStep.accept(measured);
            failuresInARow = measured.meetsSlo() ? 0 : failuresInARow + 1;
            if (failuresInARow >= ramp.stopAfterFailures()) {
                break;
            }
        }
        boolean exhausted = steps.stream().allMatch(CapacityStep::meetsSlo);
        CapacityStep at = RampAnalysis.attributionStep(steps);
        Resource bottleneck = RampAnalysis.bottleneck(at);
        String detail = (exhausted ? "the SLO held up to the ramp's upper bound; busiest resource there: " : "")
                + RampAnalysis.explain(at, bottleneck);
        return new ProfileOutcome(profile.name(), profile.description(), steps, RampAnalysis.maxSustainable(steps), exhausted,
                RampAnalysis.knee(steps, ramp.factor() > 0), bottleneck, detail, diskVerdict(profile.base()), profile.baseline());
    }

    /** etcd's fio recipe on member 1's WAL device model, with the neighbours that share it. */
    static DiskVerdict diskVerdict(Scenario base) {
        String wal = base.cluster().members().get(0).walDevice();
        DeviceSpec device = base.devices().get(wal);
        List<NeighbourSpec> neighbours = device.neighbours().stream().map(DeviceSpec.NamedNeighbour::spec).toList();
        DiskCheck.Options recipe = DiskCheck.Options.etcdRecipe(device.disk());
        DiskCheckResult r = DiskCheck.run(new DiskCheck.Options(recipe.disk(), neighbours, base.seed(), recipe.blockBytes(),
                recipe.sizeBytes(), recipe.startAfterNanos()));
        boolean passes = r.verdict() != DiskCheckResult.Verdict.TOO_SLOW;
        return new DiskVerdict(r.p99Nanos() / 1e6, r.iops(), passes, r.verdict() == DiskCheckResult.Verdict.HEAVY_LOAD_OK,
                r.verdict().text());
    }
}
