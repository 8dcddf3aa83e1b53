package io.stormglass.scenario.fuzz;

import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.run.RunResult;
import io.stormglass.scenario.run.RunSession;
import io.stormglass.scenario.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The state of a stateful property: a run being built one fault at a time. Each step moves the
 * run forward to the fault's start and injects it, the way {@link Runner#run} does for a
 * scenario file, so the faults injected so far, printed as a scenario, replay this run exactly.
 */
final class ScheduledRun {
    final SafetySetup setup;
    final RunSession session;
    private long cursorNanos;
    private int faults;

    ScheduledRun(SafetySetup setup) {
        this.setup = setup;
        try {
            this.session = RunSession.start(setup.scenario(), Runner.Options.inMemory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gapMs} after the previous fault, injects {@code draw} (nothing once past the end of the run). */
    void inject(int gapMs, FaultDraw draw) {
        long at = cursorNanos + gapMs * 1_000_000L;
        Scenario base = session.scenario();
        if (at >= base.durationNanos()) {
            return;
        }
        FaultSpec f = new FaultDraw(draw.kind(), (int) (at / 1_000_000L), draw.forMs(), draw.target(), draw.param()).toFault(base);
        session.runUntil(at);
        session.inject(f);
        faults++;
        cursorNanos = at;
    }

    int faults() {
        return faults;
    }

    /** The replayable scenario: the base with every fault injected so far. */
    Scenario scenario() {
        return session.scenarioSoFar();
    }

    RunResult finish() {
        try {
            return session.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
