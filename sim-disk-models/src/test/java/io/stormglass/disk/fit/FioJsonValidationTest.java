package io.stormglass.disk.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.disk.InputFormatException;
import org.junit.jupiter.api.Test;

/** fio reports are checked before they are fitted; each mistake is located and named by its JSON path. */
class FioJsonValidationTest {
    private static final String WRITE = "\"write\":{\"clat_ns\":{\"min\":10,\"max\":90,\"percentile\":{\"50.000000\":40}}}";

    private static String report(String sync) {
        return "{\"jobs\":[{" + WRITE + ",\n\"sync\":{\"lat_ns\":" + sync + "}}]}";
    }

    /** {@code line:column: path: message}, as a caller prints it after the file name. */
    private static String refusal(String json) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> FioJsonFit.parse(json));
        return e.line() + ":" + e.column() + ": " + (e.field().isEmpty() ? "" : e.field() + ": ") + e.getMessage();
    }

    @Test
    void percentilesMustNotDecrease() {
        assertEquals("2:61: jobs[0].sync.lat_ns.percentile[\"99.000000\"]: percentiles must not decrease: below the 50.000000 "
                + "percentile (500), got 100", refusal(report("{\"percentile\":{\"50.000000\":500,\"99.000000\":100}}")));
    }

    @Test
    void latenciesAreFiniteNonNegativeNumbersAndPercentsAtMost100() {
        assertEquals("2:45: jobs[0].sync.lat_ns.percentile[\"50.000000\"]: a latency must not be negative, got \"-5\"",
                refusal(report("{\"percentile\":{\"50.000000\":-5}}")));
        assertEquals("2:45: jobs[0].sync.lat_ns.percentile[\"50.000000\"]: must be at most 400 days, got \"1E+400\"",
                refusal(report("{\"percentile\":{\"50.000000\":1e400}}")));
        assertEquals("2:45: jobs[0].sync.lat_ns.percentile[\"50.000000\"]: expected a latency (a number), got the text \"2ms\"",
                refusal(report("{\"percentile\":{\"50.000000\":\"2ms\"}}")));
        assertEquals("2:33: jobs[0].sync.lat_ns.percentile[\"101.000000\"]: must be at most 100 (a percent), got \"101.000000\"",
                refusal(report("{\"percentile\":{\"101.000000\":5}}")));
        assertEquals("2:33: jobs[0].sync.lat_ns.percentile.p99: expected a percent from 0 to 100 such as \"99.000000\", got \"p99\"",
                refusal(report("{\"percentile\":{\"p99\":5}}")));
        assertEquals("2:25: jobs[0].sync.lat_ns.min: must not be above max (5), got 9",
                refusal(report("{\"min\":9,\"max\":5,\"percentile\":{\"50.000000\":7}}")));
    }

    @Test
    void malformedJsonIsLocatedAndWordedWithoutTheParsersInternals() {
        assertEquals("1:2: not valid JSON: the text ends early (a closing } or ] or \" is missing)", refusal("{"));
        assertEquals("1:4: not valid JSON: unexpected text \"fio\"", refusal("fio 3.28 report"));
        assertEquals("1:1: expected fio's JSON report (an object with a jobs list), got a list", refusal("[1]"));
        assertEquals("1:9: jobs: expected a non-empty list of jobs, got an empty list", refusal("{\"jobs\":[]}"));
        assertEquals("1:1: the file is empty; expected a JSON document", refusal("  "));
        String deep = refusal("{\"jobs\":" + "[".repeat(1500) + "]".repeat(1500) + "}");
        assertEquals("1:1: not valid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)", deep);
        String duplicate = refusal("{\"jobs\":[{" + WRITE + "}],\"jobs\":[]}");
        assertEquals("1:89: not valid JSON: duplicate key \"jobs\"", duplicate);
    }

    @Test
    void unitsAreReadAsFioWritesThem() {
        String micros = "{\"jobs\":[{\"write\":{\"clat\":{\"percentile\":{\"50.000000\":40}}},"
                + "\"sync\":{\"lat_us\":{\"percentile\":{\"50.000000\":2000}}}}]}";
        FioJsonFit.Fit fit = FioJsonFit.parse(micros);
        assertEquals(40_000, fit.write().quantileNanos(0.5), "fio 2's clat is in microseconds");
        assertEquals(2_000_000, fit.sync().quantileNanos(0.5), "lat_us is in microseconds");
        String millis = "{\"jobs\":[{\"write\":{\"clat_ms\":{\"percentile\":{\"50.000000\":2}}}}]}";
        assertEquals(2_000_000, FioJsonFit.parse(millis).write().quantileNanos(0.5));
    }

    @Test
    void fiosOwnBucketRoundingAboveMaxIsNotAnError() {
        // fio reports percentiles as bucket bounds: its 99.99th may pass the exact max slightly
        String json = report("{\"N\":10,\"min\":10,\"max\":57976,\"percentile\":{\"50.000000\":12608,\"99.990000\":58112}}");
        assertEquals(58_112, FioJsonFit.parse(json).sync().quantileNanos(1.0));
    }
}
