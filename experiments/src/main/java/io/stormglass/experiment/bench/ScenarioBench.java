package io.stormglass.experiment.bench;

import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.run.WallClock;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;

/**
 * Runs a reference case in memory (no folder, no report: the simulation alone is timed) and measures
 * it: events, wall time, simulated time and the peak heap.
 */
public final class ScenarioBench {
    private final WallClock wallClock;

    public ScenarioBench(WallClock wallClock) {
        this.wallClock = wallClock;
    }

    public BenchResult run(ReferenceCases.Case c) throws IOException {
        HeapPeak.reset();
        long start = wallClock.nanos();
        long events = 0;
        double simulated = 0;
        String fingerprint = "";
        for (Scenario s : c.scenarios()) {
            RunResult r = Runner.run(s, Runner.Options.inMemory(wallClock));
            events += r.events();
            simulated += s.durationNanos() / 1e9;
            fingerprint = r.fingerprint();
        }
        double wall = (wallClock.nanos() - start) / 1e9;
        return new BenchResult(c.name(), c.scenarios().size(), events, wall, simulated, HeapPeak.bytes(), fingerprint);
    }
}
