package io.stormglass.disk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.disk.InputFormatException;
import org.junit.jupiter.api.Test;

/** Prometheus histograms are checked line by line and series by series; each mistake at its line and column. */
class PrometheusValidationTest {
    private static final String M = "etcd_disk_wal_fsync_duration_seconds";
    private static final String B = M + "_bucket";

    private static String refusal(String... lines) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> PrometheusHistogramFit.parse(String.join("\n", lines), M));
        return e.line() + ":" + e.column() + ": " + e.getMessage();
    }

    @Test
    void malformedLinesAreLocatedNotCrashes() {
        assertEquals("1:54: expected ',' or '}' after a label, got \"5\"", refusal(B + "{le=\"0.1\" 5"));
        assertEquals("1:48: expected a quoted label value such as \"0.1\"", refusal(B + "{le=0.1} 5"));
        assertEquals("1:48: the label value has no closing '\"'", refusal(B + "{le=\"0.1} 5"));
        assertEquals("1:54: expected a value after the name and labels, got the end of the line", refusal(B + "{le=\"0.1\"}"));
        assertEquals("1:57: expected at most a value and an integer timestamp, got \"x\"", refusal(B + "{le=\"0.1\"} 5 x"));
        assertEquals("1:45: a bucket needs an le label, such as " + B + "{le=\"0.1\"}", refusal(B + " 5"));
    }

    @Test
    void boundsIncreaseCountsNeverFallAndTheInfBucketEndsEachSeries() {
        assertEquals("2:57: counts are cumulative and never decrease: \"3\" after \"5\"",
                refusal(B + "{le=\"0.1\"} 5", "  " + B + "{le=\"0.2\"} 3", B + "{le=\"+Inf\"} 5"));
        assertEquals("2:48: le must increase from one bucket to the next: \"0.1\" after \"0.2\"",
                refusal(B + "{le=\"0.2\"} 1", B + "{le=\"0.1\"} 2", B + "{le=\"+Inf\"} 5"));
        assertEquals("2:1: the series has no le=\"+Inf\" bucket after this one; a histogram ends with it",
                refusal(B + "{le=\"0.1\"} 1", B + "{le=\"0.2\"} 2"));
        assertEquals("1:55: a bucket's count must be a finite number from 0, got \"-1\"", refusal(B + "{le=\"0.1\"} -1"));
        assertEquals("1:55: a bucket's count must be a finite number from 0, got \"NaN\"", refusal(B + "{le=\"0.1\"} NaN"));
        assertEquals("1:55: a bucket's count must be a finite number from 0, got \"1e400\"", refusal(B + "{le=\"0.1\"} 1e400"));
        assertEquals("1:48: le must be an upper bound in seconds (a number from 0, or +Inf), got \"-1\"", refusal(B + "{le=\"-1\"} 1"));
        assertEquals("2:1: " + B + " has no observations (its +Inf bucket counts 0)", refusal(B + "{le=\"0.1\"} 0", B + "{le=\"+Inf\"} 0"));
        InputFormatException none = assertThrows(InputFormatException.class, () -> PrometheusHistogramFit.parse("up 1", M));
        assertEquals(0, none.line(), "no series at all concerns the whole file");
    }

    @Test
    void seriesOfSeveralMembersAreCheckedApartAndSummed() {
        String text = String.join("\r\n", "# TYPE " + M + " histogram",
                B + "{member=\"1\",le=\"0.001\"} 10", B + "{member=\"1\",le=\"+Inf\"} 10",
                B + "{member=\"2\",le=\"0.001\"} 0", B + "{member=\"2\",le=\"0.002\"} 10", B + "{member=\"2\",le=\"+Inf\"} 10 1700000000000");
        QuantileCurve curve = PrometheusHistogramFit.parse(text, M);
        assertEquals(1_000_000, curve.quantileNanos(0.5));
    }
}
