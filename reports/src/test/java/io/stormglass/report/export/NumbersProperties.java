package io.stormglass.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class NumbersProperties {
    @Property(tries = 300)
    void secondsAreExactForAnyNanos(@ForAll long nanos) {
        assertEquals(nanos, Numbers.nanos(new java.math.BigDecimal(Numbers.seconds(nanos))));
    }
}
