package io.stormglass.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LockstepTest {
    private static final EventKind TICK = EventKind.named("test.tick");
    private static final EventKind EXTRA = EventKind.named("test.extra");

    /** A simulation ticking every 10 ns for ever; {@code extraAt} >= 0 schedules one extra event then. */
    private static Simulation ticking(long extraAt) {
        Simulation sim = new Simulation();
        tickFrom(sim, 0, 900);
        if (extraAt >= 0) {
            sim.scheduleAt(extraAt, EXTRA, 7, () -> { });
        }
        return sim;
    }

    /** Ticks every 10 ns from {@code at} up to {@code last}. */
    private static void tickFrom(Simulation sim, long at, long last) {
        sim.scheduleAt(at, TICK, 1, () -> {
            if (at + 10 <= last) {
                tickFrom(sim, at + 10, last);
            }
        });
    }

    private static Lockstep runBoth(Simulation a, Simulation b, long until, long slice) {
        Lockstep lockstep = new Lockstep();
        a.setDispatchListener(lockstep.leader());
        b.setDispatchListener(lockstep.follower());
        for (long t = slice; t <= until; t += slice) {
            a.runUntil(t);
            b.runUntil(t);
            lockstep.endSlice();
        }
        return lockstep;
    }

    @Test
    void identicalRunsHaveNoDivergence() {
        Lockstep l = runBoth(ticking(-1), ticking(-1), 1_000, 100);
        assertTrue(l.divergence().isEmpty());
        assertEquals(91, l.comparedEvents());
    }

    @Test
    void anExtraEventInTheFollowerIsLocatedWithBothSides() {
        Lockstep l = runBoth(ticking(-1), ticking(455), 1_000, 100);
        Lockstep.Divergence d = l.divergence().orElseThrow();
        assertEquals(new Lockstep.Event(46, 460, "test.tick", 1), d.a());
        assertEquals(new Lockstep.Event(46, 455, "test.extra", 7), d.b());
    }

    @Test
    void anEventOnlyTheLeaderHadIsADivergenceAtTheEndOfItsSlice() {
        Lockstep l = runBoth(ticking(995), ticking(-1), 1_000, 1_000);
        Lockstep.Divergence d = l.divergence().orElseThrow();
        assertEquals(new Lockstep.Event(91, 995, "test.extra", 7), d.a());
        assertNull(d.b());
    }
}
