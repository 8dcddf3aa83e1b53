package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Lockstep;
import io.stormglass.scenario.model.Scenario;
import org.junit.jupiter.api.Test;

class SelfReconcileTest {
    private static final long S = TestScenarios.S;

    @Test
    void twoRunsOfOneScenarioAreIdenticalAndRunAIsANormalRun() throws Exception {
        Scenario s = TestScenarios.nvme(5 * S);
        SelfReconcile.Outcome o = SelfReconcile.run(s, S / 3);
        assertTrue(o.identical(), () -> "diverged: " + o.divergence());
        RunResult normal = Runner.run(s, Runner.Options.inMemory());
        assertEquals(normal.fingerprint(), o.fingerprintA());
        assertEquals(normal.events(), o.comparedEvents());
    }

    @Test
    void aPlantedDifferenceIsLocatedAtItsEventWithBothSides() throws Exception {
        Scenario s = TestScenarios.nvme(5 * S);
        long plantedAt = 2 * S + 123_456;
        SelfReconcile.Outcome o = SelfReconcile.run(s, S, (sim, rec) ->
                sim.scheduleAt(plantedAt, EventKind.named("test.nondeterminism"), 42, () -> { }));
        Lockstep.Divergence d = o.divergence().orElseThrow();
        assertEquals(plantedAt, d.b().timeNanos());
        assertEquals("test.nondeterminism", d.b().kind());
        assertEquals(d.a().index(), d.b().index());
        assertTrue(d.a().timeNanos() >= plantedAt, "run A's event at that position comes later: " + d.a());
        assertEquals(d.a().index(), o.comparedEvents());
    }
}
