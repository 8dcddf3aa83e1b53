package io.stormglass.report.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GrowthProjectionTest {
    @Test
    void theSloIsMissedInTheFirstMonthWhoseLoadExceedsTheMaximum() {
        // 100/s growing 10 % a month: 161/s after 5 months, 177/s after 6
        assertEquals(6, GrowthProjection.monthSloMissed(100, 0.10, 170));
        assertEquals(1, GrowthProjection.monthSloMissed(100, 0.10, 100));
        assertEquals(0, GrowthProjection.monthSloMissed(100, 0.10, 90));
        assertEquals(-1, GrowthProjection.monthSloMissed(100, 0, 200));
        assertEquals(-1, GrowthProjection.monthSloMissed(0, 0.1, 200));
        // exactly at a power: 100 × 2^3 = 800 is not above 800, the 4th month is
        assertEquals(4, GrowthProjection.monthSloMissed(100, 1.0, 800));
    }

    @Test
    void headroomIsHowMuchMoreLoadFits() {
        assertEquals(0.5, GrowthProjection.headroom(200, 300), 1e-12);
        assertEquals(-0.5, GrowthProjection.headroom(200, 100), 1e-12);
        assertEquals(Double.NaN, GrowthProjection.headroom(0, 100));
    }
}
