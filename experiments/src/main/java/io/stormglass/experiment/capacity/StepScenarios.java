package io.stormglass.experiment.capacity;

import io.stormglass.raft.server.CpuCosts;
import io.stormglass.scenario.model.ClusterSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;

/** Builds the scenario of one ramp step from a profile's base scenario. */
public final class StepScenarios {
    private StepScenarios() {
    }

    /**
     * The base scenario with open-loop Poisson arrivals at {@code ratePerSecond} over the base's
     * connections, lasting {@code ramp}'s warm-up, settle time and one step, named after the profile and rate.
     */
    public static Scenario at(Profile profile, Ramp ramp, double ratePerSecond) {
        Scenario b = profile.base();
        WorkloadSpec w = b.workload();
        int clients = w.arrival() instanceof WorkloadSpec.Arrival.OpenLoop o ? o.clients() : CapacityLoader.DEFAULT_CLIENTS;
        WorkloadSpec load = new WorkloadSpec(new WorkloadSpec.Arrival.OpenLoop(ratePerSecond, clients), w.mix(), w.keys(),
                w.valueMinBytes(), w.valueMaxBytes(), w.controlPlane(), w.shape(), w.watchers(), w.kubernetes());
        String name = profile.name() + "-" + Math.round(ratePerSecond) + "rps";
        return new Scenario(name, profile.description(), b.file(), b.seed(), ramp.stepRunNanos(),
                ramp.warmupNanos(), b.metricsWindowNanos(), b.cluster(), b.devices(), b.network(), load, b.client(),
                b.faults(), b.outputs(), b.checks());
    }

    /** {@code s} with every CPU cost divided by {@code speed} (2 = a core twice as fast as the reference). */
    static Scenario withCpuSpeed(Scenario s, double speed) {
        if (speed == 1.0) {
            return s;
        }
        RaftSpec r = s.cluster().raft();
        RaftSpec raft = r.withCpu(r.cpu().scaled(speed));
        return new Scenario(s.name(), s.description(), s.file(), s.seed(), s.durationNanos(), s.warmupNanos(),
                s.metricsWindowNanos(), new ClusterSpec(raft, s.cluster().members(), s.cluster().spares(), s.cluster().mvcc()),
                s.devices(), s.network(), s.workload(), s.client(), s.faults(), s.outputs(), s.checks());
    }
}
