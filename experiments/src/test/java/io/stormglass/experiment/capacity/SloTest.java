package io.stormglass.experiment.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SloTest {
    final Slo slo = new Slo(25_000_000L, 10_000_000L, 0, 0.001, 0.95);

    @Test
    void eachClauseIsCheckedAndNamed() {
        assertEquals(List.of(), slo.violations(100, 10, 100, 20, 9, 0, 0));
        List<String> v = slo.violations(100, 10, 100, 30, 11, 0.01, 1);
        assertEquals(4, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("put p99 30.0 ms > 25.0 ms"), v.get(0));
        assertTrue(v.get(2).equals("1 leader change"), v.get(2));
    }

    @Test
    void fallingBehindCountsOnlyBeyondPoissonNoise() {
        // 225 arrivals expected: 3 standard deviations are 45 requests, 4.5/s over 10 s
        assertEquals(List.of(), slo.violations(22.5, 10, 21, 1, 1, 0, 0));
        assertEquals(1, slo.violations(22.5, 10, 16, 1, 1, 0, 0).size());
        // at 10 000/s the noise is 0.3 %: 90 % achieved is a shortfall
        assertEquals(1, slo.violations(10_000, 10, 9_000, 1, 1, 0, 0).size());
        assertEquals(List.of(), slo.violations(10_000, 10, 9_700, 1, 1, 0, 0));
    }
}
