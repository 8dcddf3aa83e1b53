package io.stormglass.report.csv;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;

/**
 * Streams rows in {@link CsvFormat}'s dialect: either whole rows ({@link #row(List)}) or, on a hot
 * path, cell by cell ({@link #cell(String)}, {@link #number(String)}, {@link #cell(long)},
 * {@link #cells(CsvCells)}, {@link #endRow()}) without building a list per row. Rows are buffered: {@link #flush()} pushes them through to the writer (and flushes
 * it), as a file appended row by row for resuming needs. For one thread at a time.
 */
public final class CsvRowWriter implements Closeable, Flushable {
    private final CsvGenerator generator;
    private boolean inRow;

    CsvRowWriter(CsvGenerator generator) {
        this.generator = generator;
    }

    /** Writes one row of {@code cells}. */
    public CsvRowWriter row(List<String> cells) throws IOException {
        for (String c : cells) {
            cell(c);
        }
        endRow();
        return this;
    }

    /** Writes one row of {@code cells}. */
    public CsvRowWriter row(String... cells) throws IOException {
        return row(List.of(cells));
    }

    /** Appends a text cell to the row in progress (starting one if needed), quoted if it must be. */
    public CsvRowWriter cell(String text) throws IOException {
        startRowIfNeeded();
        if (text.indexOf('\r') >= 0) {
            // RFC 4180 quotes a CR like a LF; Jackson's strict check does not look for one, and an
            // unquoted CR would read back as a line break
            generator.enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
            generator.writeString(text);
            generator.disable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS);
        } else {
            generator.writeString(text);
        }
        return this;
    }

    /**
     * Appends a number cell as a number formatter wrote it ({@code 2.14}, {@code -3}, {@code inf},
     * {@code NaN}): written as is, without the quoting check, since such text never holds a comma,
     * a quote or a line break (asserted when assertions are on, as in tests). Cheaper than
     * {@link #cell(String)} on a hot path such as {@code metrics.csv}'s times and values.
     */
    public CsvRowWriter number(String formatted) throws IOException {
        assert isNumberText(formatted) : "not number text: " + formatted;
        startRowIfNeeded();
        generator.writeRawValue(formatted);
        return this;
    }

    private static boolean isNumberText(String text) {
        return text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.');
    }

    /** Appends cells encoded once by {@link CsvFormat#encode}, as they are. */
    public CsvRowWriter cells(CsvCells cells) throws IOException {
        startRowIfNeeded();
        // one raw value to Jackson: it only needs to know that the row has begun, for the next comma
        generator.writeRawValue(cells.encoded());
        return this;
    }

    /** Appends a whole number cell, in decimal digits as {@link Long#toString(long)} writes them. */
    public CsvRowWriter cell(long value) throws IOException {
        startRowIfNeeded();
        generator.writeNumber(value);
        return this;
    }

    /** Ends the row in progress with a line feed (a row without any cell writes nothing). */
    public void endRow() throws IOException {
        startRowIfNeeded();
        generator.writeEndArray();
        inRow = false;
    }

    private void startRowIfNeeded() throws IOException {
        if (!inRow) {
            generator.writeStartArray();
            inRow = true;
        }
    }

    /** Pushes the rows written so far through to the writer, and flushes it. */
    @Override
    public void flush() throws IOException {
        generator.flush();
    }

    /** Flushes and releases the buffers; the writer stays open (its owner closes it). */
    @Override
    public void close() throws IOException {
        if (inRow) {
            throw new IllegalStateException("a row was started and not ended");
        }
        generator.close();
    }
}
