package io.stormglass.experiment.fuzz;

import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.run.RunResult;
import io.stormglass.run.RunSession;
import io.stormglass.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The state of a stateful property: a run being built one fault at a time. Each step moves the
 * run forward to the fault's start and injects it, the way {@link Runner#run} does for a
 * scenario file, so the faults injected so far, printed as a scenario, replay this run exactly.
 */
final class ScheduledRun {
    final SafetySetup setup;
    private RunSession session;
    /** The scenario so far, kept when the session is released. */
    private Scenario released;
    private long cursorNanos;
    private int faults;
    /** The membership changes so far (drawn lazily: most runs have none). */
    private MembershipWalk walk;

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
        FaultSpec change = null;
        if (draw.kind() == FaultKind.MEMBER_CHANGE) {
            walk = walk == null ? new MembershipWalk(base) : walk;
            FaultDraw placed = new FaultDraw(draw.kind(), (int) (at / 1_000_000L), draw.forMs(), draw.target(), draw.param());
            change = walk.next(FaultSpec.Timing.once(at, 0), placed);
            if (change == null) {
                return;
            }
        }
        session.runUntil(at);
        int target = draw.target();
        if (draw.kind() == FaultKind.ISOLATE_LEADER && session.leaderSoFar() > 0) {
            target = session.leaderSoFar() - 1; // aimed at whoever leads now; the printed partition names it
        }
        FaultSpec f = change != null ? change
                : new FaultDraw(draw.kind(), (int) (at / 1_000_000L), draw.forMs(), target, draw.param()).toFault(base);
        session.inject(f);
        faults++;
        cursorNanos = at;
    }

    int faults() {
        return faults;
    }

    /** Violations and boot failures so far. */
    List<String> problemsSoFar() {
        return session.problemsSoFar();
    }

    /**
     * Drops the simulation. jqwik keeps the chains it shrinks, and their final states with them:
     * a whole run each is more than the heap holds over a long shrink.
     */
    void release() {
        if (session != null) {
            released = session.scenarioSoFar();
            session = null;
        }
    }

    /** The replayable scenario: the base with every fault injected so far. */
    Scenario scenario() {
        return session != null ? session.scenarioSoFar() : released;
    }

    RunResult finish() {
        try {
            return session.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
