package io.stormglass.disk.neighbour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.disk.InputFormatException;
import org.junit.jupiter.api.Test;

/** A trace is checked row by row: each mistake at its line and column name. */
class TraceParseTest {
    private static String refusal(String csv, long lastMicros) {
        InputFormatException e = assertThrows(InputFormatException.class, () -> TraceNeighbour.parse(csv, lastMicros));
        return e.line() + ": " + (e.field().isEmpty() ? "" : e.field() + ": ") + e.getMessage();
    }

    @Test
    void offsetsLengthsAndTimesAreNonNegativeWholeNumbersWithinTheRun() {
        String header = "timestamp_micros,op,offset_bytes,length_bytes\n";
        assertEquals("2: column offset_bytes: must not be negative, got -5", refusal(header + "0,write,-5,10", 1000));
        assertEquals("2: column length_bytes: must not be negative, got -10", refusal(header + "0,write,5,-10", 1000));
        assertEquals("2: column timestamp_micros: must not be negative, got -1", refusal(header + "-1,read,5,10", 1000));
        assertEquals("2: column timestamp_micros: must be at most 1000 (the I/O would be issued after the run ends), got 1001",
                refusal(header + "1001,read,5,10", 1000));
        assertEquals("1: column timestamp_micros: expected a whole number, got \"1.5\"", refusal("1.5,write,1,1", 1000));
        assertEquals("1: column length_bytes: must be at most 1125899906842624 (1PiB), got 9223372036854775807",
                refusal("0,write,0,9223372036854775807", 1000));
        assertEquals("1: column op: expected read, write or flush, got \"trim\"", refusal("0,trim,0,1", 1000));
        assertEquals("1: expected 4 columns (timestamp_micros,op,offset_bytes,length_bytes), got 5", refusal("0,write,0,1,9", 1000));
    }

    @Test
    void aTraceWithoutIoIsRefusedAndCrlfFlushesAndCommentsAreFine() {
        InputFormatException empty = assertThrows(InputFormatException.class, () -> TraceNeighbour.parse("# nothing\n", 1000));
        assertEquals(0, empty.line());
        assertEquals(3, TraceNeighbour.parse("timestamp_micros,op,offset_bytes,length_bytes\r\n# c\r\n0,write,0,4096\r\n5,flush\r\n"
                + "9,read,0,4096\r\n", 1000).size());
    }
}
