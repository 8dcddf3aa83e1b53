package io.stormglass.report.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the records of a CSV text in {@link CsvFormat}'s dialect one at a time, each with the line
 * it starts on, so that a reader of a particular file can locate what it finds wrong. A line break
 * ends a record unless it is inside quotes; a blank line is a record of one empty cell; a final line
 * break adds no record. For one thread at a time.
 */
public final class CsvRecordReader implements Closeable {
    private final CsvParser parser;
    private boolean started;

    CsvRecordReader(CsvParser parser) {
        this.parser = parser;
    }

    /**
     * The next record, or null at the end of the text.
     *
     * @throws CsvSyntaxException at the line where the damaged record starts
     */
    public CsvRecord next() throws IOException {
        int line = 0;
        try {
            JsonToken t = parser.nextToken();
            if (!started && t == JsonToken.START_ARRAY) {
                started = true;
                t = parser.nextToken(); // past the array that wraps all rows (Jackson's WRAP_AS_ARRAY)
            }
            if (t != JsonToken.START_ARRAY) {
                return null; // the end of the wrapping array, or of the text
            }
            line = parser.currentLocation().getLineNr();
            List<String> cells = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                cells.add(parser.getText());
            }
            return new CsvRecord(line, cells);
        } catch (JsonProcessingException e) {
            if (line == 0) {
                line = e.getLocation() == null ? parser.currentLocation().getLineNr() : e.getLocation().getLineNr();
            }
            throw new CsvSyntaxException(line, reason(e.getOriginalMessage()));
        }
    }

    /** Jackson's message in Stormglass's words where we know the case. */
    private static String reason(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("Missing closing quote")) {
            return "a quoted cell is not closed (its closing \" is missing)";
        }
        if (m.contains("Expected column separator")) {
            return "a quoted cell's closing \" is followed by more text instead of a comma or the end of the line";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
