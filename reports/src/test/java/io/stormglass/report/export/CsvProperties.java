package io.stormglass.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class CsvProperties {
    @Property(tries = 300)
    void anyFieldsSurviveQuotingAndReading(@ForAll @Size(min = 1, max = 6) List<String> fields) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            line.append(i == 0 ? "" : ",").append(Csv.field(fields.get(i)));
        }
        line.append('\n');
        BufferedReader in = new BufferedReader(new StringReader(line.toString()));
        assertEquals(fields, Csv.readRecord(in));
        assertEquals(null, Csv.readRecord(in));
    }

    @Property(tries = 300)
    void secondsAreExactForAnyNanos(@ForAll long nanos) {
        assertEquals(nanos, Numbers.nanos(new java.math.BigDecimal(Numbers.seconds(nanos))));
    }
}
