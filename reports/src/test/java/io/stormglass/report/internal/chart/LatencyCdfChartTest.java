package io.stormglass.report.internal.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;

class LatencyCdfChartTest {
    @Test
    void cdfRisesToOneAndCrossesHalfAtTheMedian() {
        Histogram h = new Histogram(1, 3_600_000_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1_000_000L); // 1 ms .. 1 s, uniform
        }
        XYSeries cdf = LatencyCdfChart.cdf("x", h);
        assertTrue(cdf.getItemCount() < 250, "about 60 points per decade over three decades: " + cdf.getItemCount());
        double previous = -1;
        double atHalf = Double.NaN;
        for (int i = 0; i < cdf.getItemCount(); i++) {
            double y = cdf.getY(i).doubleValue();
            assertTrue(y >= previous, "non-decreasing");
            if (Double.isNaN(atHalf) && y >= 0.5) {
                atHalf = cdf.getX(i).doubleValue();
            }
            previous = y;
        }
        assertEquals(1.0, previous, 0);
        assertEquals(0.0, cdf.getY(0).doubleValue(), 0);
        assertEquals(0.5, atHalf, 0.5 * 0.04, "the median of 1..1000 ms is 0.5 s, within one log step");
    }
}
