package io.stormglass.report.csv;

/**
 * A run of cells encoded once in {@link CsvFormat}'s dialect (quoted where needed) by
 * {@link CsvFormat#encode}, to be written many times as they are by {@link CsvRowWriter#cells}:
 * a series' name and labels on every window's rows of {@code metrics.csv}, which would otherwise be
 * checked for quoting, and quoted, millions of times per run. Only {@link CsvFormat} makes one, so
 * the text is always this dialect's.
 */
public final class CsvCells {
    private final String encoded;

    CsvCells(String encoded) {
        this.encoded = encoded;
    }

    /** The cells as they appear in a row, separated by commas, without a line break. */
    String encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return encoded;
    }
}
