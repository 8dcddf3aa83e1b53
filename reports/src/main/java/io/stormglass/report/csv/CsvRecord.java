package io.stormglass.report.csv;

import java.util.List;

/**
 * One record of a CSV file as read.
 *
 * @param line  the 1-based line the record starts on (a quoted cell may span lines)
 * @param cells the cells in order, unquoted; an empty cell is the empty string
 */
public record CsvRecord(int line, List<String> cells) {
    public CsvRecord {
        cells = List.copyOf(cells);
    }
}
