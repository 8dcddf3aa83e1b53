package io.stormglass.report.csv;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Stormglass's CSV dialect: RFC 4180 with a comma between cells and LF line ends, a header row
 * first (written by the caller as a row like any other), and a cell quoted exactly when RFC 4180
 * requires it — when it holds a comma, a double quote, CR or LF — with its quotes doubled. Other
 * cells (numbers, names, text with spaces) are never quoted, so files stay greppable and the same
 * rows always give the same bytes. Numbers are written as the caller formats them. The text
 * encoding is the caller's {@link Writer} or {@link Reader} (UTF-8 in every file Stormglass writes).
 *
 * <p>Built on jackson-dataformat-csv's streaming {@link CsvGenerator} and {@link CsvParser} (no
 * data binding per row, which would be slower on {@code metrics.csv}, millions of rows per run).
 * The factory is thread-safe; each writer or reader is for one thread at a time.
 */
public final class CsvFormat {
    /**
     * Strict quoting: Jackson's default check quotes any cell holding a character below the comma
     * (such as a space), which would quote most label texts; the strict check quotes only for the
     * separator, the quote and the line feed (a carriage return is {@link CsvRowWriter}'s concern).
     * The factory never closes the caller's writer or reader.
     */
    static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** No named columns (rows are plain arrays of cells), no comments, no escape character. */
    static final CsvSchema DIALECT = CsvSchema.emptySchema()
            .withColumnSeparator(',')
            .withQuoteChar('"')
            .withoutEscapeChar()
            .withoutComments()
            .withLineSeparator("\n");

    private CsvFormat() {
    }

    /** A writer of rows into {@code out}; closing it flushes, and never closes {@code out}. */
    public static CsvRowWriter writer(Writer out) throws IOException {
        CsvGenerator generator = FACTORY.createGenerator(out);
        generator.setSchema(DIALECT);
        return new CsvRowWriter(generator);
    }

    /** A reader of the records of {@code in}; closing it never closes {@code in}. */
    public static CsvRecordReader reader(Reader in) throws IOException {
        CsvParser parser = FACTORY.createParser(in);
        parser.setSchema(DIALECT);
        return new CsvRecordReader(parser);
    }

    /** {@code cells} encoded once, for {@link CsvRowWriter#cells} to write as they are, many times. */
    public static CsvCells encode(String... cells) {
        StringWriter out = new StringWriter();
        try (CsvRowWriter w = writer(out)) {
            w.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does no I/O
        }
        String row = out.toString();
        return new CsvCells(row.substring(0, row.length() - 1)); // without the line feed
    }

    /**
     * The cells of one line of a file read line by line (a quoted cell cannot span lines there).
     *
     * @throws CsvSyntaxException at line 1 if the line is not one well-formed record
     */
    public static List<String> cells(String line) throws CsvSyntaxException {
        try (CsvRecordReader reader = reader(new StringReader(line))) {
            CsvRecord record = reader.next();
            if (record == null) {
                return List.of("");
            }
            if (reader.next() != null) {
                throw new CsvSyntaxException(1, "a carriage return outside quotes splits the line into two rows");
            }
            return record.cells();
        } catch (CsvSyntaxException e) {
            throw e;
        } catch (IOException e) {
            throw new CsvSyntaxException(1, e.getMessage()); // a StringReader does no I/O
        }
    }
}
