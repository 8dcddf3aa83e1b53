package io.stormglass.run;

import io.stormglass.engine.event.Lockstep;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs a scenario twice in one process, in lockstep, and compares the two event streams event by
 * event (Cassandra's simulator calls this self-reconciliation). A deterministic run gives two equal
 * streams; a determinism break (an iteration order that depends on identity hash codes, a wall-clock
 * read, a shared mutable static) shows as the first event where they differ, with both sides and
 * its virtual time, instead of only a different fingerprint at the end.
 *
 * <p>Both runs write nothing. They advance in slices of {@code sliceNanos} of virtual time and
 * inject the scenario's faults as {@link Runner#run} does, so their events are those of a normal run.
 */
public final class SelfReconcile {
    /** The default slice: one simulated second (one slice of run A's events is held in memory). */
    public static final long DEFAULT_SLICE_NANOS = 1_000_000_000L;

    /**
     * What the comparison found.
     *
     * @param comparedEvents events found identical
     * @param fingerprintA   run A's fingerprint (that of a normal run), null if the runs diverged
     * @param divergence     the first difference, empty if none
     */
    public record Outcome(long comparedEvents, String fingerprintA, Optional<Lockstep.Divergence> divergence) {
        public boolean identical() {
            return divergence.isEmpty();
        }
    }

    private SelfReconcile() {
    }

    public static Outcome run(Scenario s, long sliceNanos) throws IOException {
        return run(s, sliceNanos, Runner.AssemblyHook.NONE);
    }

    /** As {@link #run(Scenario, long)}; {@code alsoInB} runs at run B's assembly only (tests plant a difference with it). */
    static Outcome run(Scenario s, long sliceNanos, Runner.AssemblyHook alsoInB) throws IOException {
        if (sliceNanos <= 0) {
            throw new IllegalArgumentException("slice must be positive: " + sliceNanos);
        }
        Lockstep lockstep = new Lockstep();
        try (RunSession a = RunSession.start(s, Runner.Options.inMemory(), (sim, rec) -> sim.setDispatchListener(lockstep.leader()));
             RunSession b = RunSession.start(s, Runner.Options.inMemory(), (sim, rec) -> {
                 sim.setDispatchListener(lockstep.follower());
                 alsoInB.assembled(sim, rec);
             })) {
            List<FaultSpec> faults = s.faultsInTimeOrder();
            int next = 0;
            long now = 0;
            while (now < s.durationNanos() && lockstep.divergence().isEmpty()) {
                long target = Math.min(now + sliceNanos, s.durationNanos());
                while (next < faults.size() && faults.get(next).timing().atNanos() <= target) {
                    FaultSpec f = faults.get(next++);
                    advance(a, b, lockstep, f.timing().atNanos());
                    a.inject(f);
                    b.inject(f);
                }
                advance(a, b, lockstep, target);
                now = target;
            }
            while (next < faults.size() && lockstep.divergence().isEmpty()) {
                // faults after the end: Runner.run injects them at the end too
                FaultSpec f = faults.get(next++);
                advance(a, b, lockstep, f.timing().atNanos());
                a.inject(f);
                b.inject(f);
            }
            if (lockstep.divergence().isPresent()) {
                return new Outcome(lockstep.comparedEvents(), null, lockstep.divergence());
            }
            String fingerprint = a.finish().fingerprint();
            b.finish();
            lockstep.endSlice();
            return new Outcome(lockstep.comparedEvents(), lockstep.divergence().isEmpty() ? fingerprint : null,
                    lockstep.divergence());
        }
    }

    private static void advance(RunSession a, RunSession b, Lockstep lockstep, long toNanos) {
        a.runUntil(toNanos);
        b.runUntil(toNanos);
        lockstep.endSlice();
    }
}
