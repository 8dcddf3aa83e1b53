package io.stormglass.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class CsvProperties {
    /** Any text survives quoting and reading, commas, quotes, CR and LF included (rows of two cells or more). */
    @Property(tries = 1000)
    void anyCellsSurviveWritingAndReading(@ForAll @Size(min = 2, max = 6) List<@From("cells") String> first,
                                          @ForAll @Size(min = 2, max = 6) List<@From("cells") String> second) throws Exception {
        StringWriter out = new StringWriter();
        try (CsvRowWriter w = CsvFormat.writer(out)) {
            w.row(first).row(second);
        }
        try (CsvRecordReader r = CsvFormat.reader(new StringReader(out.toString()))) {
            CsvRecord one = r.next();
            assertEquals(first, one.cells());
            assertEquals(1, one.line());
            CsvRecord two = r.next();
            assertEquals(second, two.cells());
            assertEquals(2 + lineBreaks(first), two.line(), "the second record starts after the first one's line breaks");
            assertNull(r.next());
        }
    }

    /** Short texts over the characters that matter to CSV, and any text now and then. */
    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> special = Arbitraries.strings().withChars(',', '"', '\n', '\r', ' ', '#', 'a', 'é').ofMaxLength(8);
        return Arbitraries.oneOf(special, special, Arbitraries.strings().ofMaxLength(12));
    }

    private static long lineBreaks(List<String> cells) {
        // what a reader counts as a line break inside quotes: LF, CR, or CR LF as one
        return cells.stream().mapToLong(c -> c.replace("\r\n", "\n").chars().filter(ch -> ch == '\n' || ch == '\r').count()).sum();
    }
}
