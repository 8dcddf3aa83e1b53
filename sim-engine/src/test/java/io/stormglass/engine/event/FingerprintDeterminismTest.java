package io.stormglass.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import org.junit.jupiter.api.Test;

/** Same seed ⇒ same event trace fingerprint; another seed ⇒ another one (DESIGN.md §3). */
class FingerprintDeterminismTest {
    private static final EventKind PING = EventKind.named("test.ping");
    private static final EventKind TIMER = EventKind.named("test.timer");
    private static final int ACTORS = 64;
    private static final long EVENTS = 1_000_000;

    /** Actors that schedule follow-ups at random delays and cancel some of their own timers. */
    private static String runRandomWorkload(long seed) {
        Simulation sim = new Simulation();
        RandomStreams streams = new RandomStreams(seed);
        SimRandom[] rngs = new SimRandom[ACTORS];
        long[] timers = new long[ACTORS];
        for (int a = 0; a < ACTORS; a++) {
            rngs[a] = streams.stream("actor/" + a);
            timers[a] = Scheduler.NO_EVENT;
        }
        for (int a = 0; a < ACTORS; a++) {
            scheduleNext(sim, rngs, timers, a);
        }
        while (sim.dispatchedEvents() < EVENTS && sim.step()) {
            // step until a million events ran
        }
        assertEquals(EVENTS, sim.dispatchedEvents());
        return sim.fingerprint().hex();
    }

    private static void scheduleNext(Simulation sim, SimRandom[] rngs, long[] timers, int actor) {
        SimRandom rng = rngs[actor];
        sim.schedule(rng.nextLong(1_000_000), PING, actor, () -> {
            int target = rng.nextInt(ACTORS);
            if (rng.nextInt(4) == 0) {
                sim.cancel(timers[target]);
            }
            timers[target] = sim.schedule(rng.nextLong(5_000_000), TIMER, target, () -> { });
            scheduleNext(sim, rngs, timers, actor);
        });
    }

    @Test
    void aMillionEventsGiveTheSameFingerprintForOneSeedAndAnotherForAnother() {
        String first = runRandomWorkload(42);
        String second = runRandomWorkload(42);
        String other = runRandomWorkload(43);
        assertEquals(first, second);
        assertNotEquals(first, other);
        assertEquals(16, first.length());
    }

    @Test
    void theFingerprintDependsOnEventOrderKindAndKey() {
        Fingerprint a = new Fingerprint();
        a.fold(1, 10, 100);
        a.fold(2, 20, 200);
        Fingerprint b = new Fingerprint();
        b.fold(2, 20, 200);
        b.fold(1, 10, 100);
        Fingerprint c = new Fingerprint();
        c.fold(1, 10, 100);
        c.fold(2, 20, 201);
        assertNotEquals(a.value(), b.value());
        assertNotEquals(a.value(), c.value());
    }

    @Test
    void eventKindHashesAreStableAcrossJvms() {
        // FNV-1a 64 of "raft.tick", computed independently: a JVM-specific hash would change this.
        assertEquals(Hashing.fnv1a64("raft.tick"), EventKind.named("raft.tick").stableHash());
        assertEquals(0xcbf29ce484222325L, Hashing.fnv1a64(""));
        assertEquals(0xaf63dc4c8601ec8cL, Hashing.fnv1a64("a"));
    }
}
