package io.stormglass.report.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dialect's exact bytes, and where a reader says the text went wrong. */
class CsvFormatTest {
    @Test
    void cellsAreQuotedExactlyWhenTheyHoldACommaAQuoteOrALineBreak() throws Exception {
        StringWriter out = new StringWriter();
        try (CsvRowWriter w = CsvFormat.writer(out)) {
            w.row("plain", "with space", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", "");
            w.cell("context deadline exceeded").cell(-42L).cell("device=ceph/osd.0,issuer=n1/wal").cell("#1").number("-0.5")
                    .number("+Inf").endRow();
            w.row("", "");
        }
        assertEquals("plain,with space,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\n"
                + "context deadline exceeded,-42,\"device=ceph/osd.0,issuer=n1/wal\",#1,-0.5,+Inf\n"
                + ",\n", out.toString());
    }

    @Test
    void cellsEncodedOnceWriteAsTheSameCellsWouldAnywhereInARow() throws Exception {
        CsvCells id = CsvFormat.encode("disk_busy", "device=ceph/osd.0,issuer=n1/wal");
        assertEquals("disk_busy,\"device=ceph/osd.0,issuer=n1/wal\"", id.toString());
        StringWriter out = new StringWriter();
        try (CsvRowWriter w = CsvFormat.writer(out)) {
            w.cells(id).cell("x").endRow();
            w.number("1").cells(id).cell(7).endRow();
        }
        assertEquals("disk_busy,\"device=ceph/osd.0,issuer=n1/wal\",x\n1,disk_busy,\"device=ceph/osd.0,issuer=n1/wal\",7\n",
                out.toString());
        try (CsvRecordReader r = CsvFormat.reader(new StringReader(out.toString()))) {
            assertEquals(List.of("disk_busy", "device=ceph/osd.0,issuer=n1/wal", "x"), r.next().cells());
        }
    }

    @Test
    void numberTextThatWouldNeedQuotesIsAMistakeTheTestsCatch() throws Exception {
        CsvRowWriter w = CsvFormat.writer(new StringWriter());
        assertThrows(AssertionError.class, () -> w.number("1,5"));
    }

    @Test
    void aFlushReachesTheWriterAndClosingLeavesItOpen() throws Exception {
        StringWriter out = new StringWriter();
        CsvRowWriter w = CsvFormat.writer(out);
        w.row("a", "b");
        w.flush();
        assertEquals("a,b\n", out.toString(), "a resumable file is flushed row by row");
        w.close();
        out.write("still open");
        assertEquals("a,b\nstill open", out.toString());
    }

    @Test
    void recordsReadBackWithTheLineTheyStartOn() throws Exception {
        String text = "h1,h2\n\"two\nlines\",x\n\nlast,\"a,\"\"b\"\"\"\n";
        try (CsvRecordReader r = CsvFormat.reader(new StringReader(text))) {
            assertEquals(new CsvRecord(1, List.of("h1", "h2")), r.next());
            assertEquals(new CsvRecord(2, List.of("two\nlines", "x")), r.next());
            assertEquals(new CsvRecord(4, List.of("")), r.next(), "a blank line is a record of one empty cell");
            assertEquals(new CsvRecord(5, List.of("last", "a,\"b\"")), r.next());
            assertNull(r.next());
        }
    }

    @Test
    void damageIsLocatedAtItsLine() throws Exception {
        try (CsvRecordReader r = CsvFormat.reader(new StringReader("a,b\nc,\"open\nd,e\n"))) {
            r.next();
            CsvSyntaxException e = assertThrows(CsvSyntaxException.class, r::next);
            assertEquals("a quoted cell is not closed (its closing \" is missing)", e.reason());
            assertEquals(2, e.line(), "the line where the damaged record starts, not the end of the text it ran on to");
        }
        assertEquals("a quoted cell's closing \" is followed by more text instead of a comma or the end of the line",
                assertThrows(CsvSyntaxException.class, () -> CsvFormat.cells("x,\"ab\"c,d")).reason());
        assertEquals("a carriage return outside quotes splits the line into two rows",
                assertThrows(CsvSyntaxException.class, () -> CsvFormat.cells("a,b\rc")).reason());
    }

    @Test
    void oneLineReadsAsItsCells() throws Exception {
        assertEquals(List.of("p=1,q=2", "1s", "", "say \"x\""), CsvFormat.cells("\"p=1,q=2\",1s,,\"say \"\"x\"\"\""));
        assertEquals(List.of(""), CsvFormat.cells(""));
    }
}
