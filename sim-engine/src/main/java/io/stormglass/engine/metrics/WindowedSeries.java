package io.stormglass.engine.metrics;

import java.util.Arrays;

/**
 * Rows of per-window values with a fixed number of columns, stored in one primitive array.
 * Row {@code i} covers {@code [i·width, (i+1)·width)} of virtual time, where the width is the
 * recorder's current window width. Coarsening merges adjacent rows pairwise with a rule per
 * column, which is how the recorder keeps memory bounded for any run length.
 */
final class WindowedSeries {
    /** How a column combines when two adjacent windows merge. */
    enum Merge { SUM, MAX, LAST }

    private final Merge[] merges;
    private final int columns;
    /** The most rows the recorder lets a series hold before it coarsens; capacity never grows past it. */
    private final int maxRows;
    private double[] values;
    private int rows;

    WindowedSeries(int maxRows, Merge... merges) {
        this.merges = merges.clone();
        this.columns = merges.length;
        this.maxRows = maxRows;
        this.values = new double[columns * Math.min(64, maxRows)];
    }

    int rows() {
        return rows;
    }

    double get(int row, int column) {
        return values[row * columns + column];
    }

    /** Appends rows of zeros until there are {@code count} rows. */
    void padTo(int count) {
        while (rows < count) {
            int at = newRow();
            Arrays.fill(values, at, at + columns, 0); // a coarsening may have left a merged row's values here
        }
    }

    void appendRow(double[] row) {
        int at = newRow(); // before reading values: it may replace the array
        System.arraycopy(row, 0, values, at, columns);
    }

    /** Appends a row of a one-column series: no row array per window for the many counters and gauges. */
    void append(double value) {
        if (columns != 1) {
            throw new IllegalStateException("append(double) is for one-column series; this one has " + columns);
        }
        int at = newRow();
        values[at] = value;
    }

    /** Makes room for one more row and returns the index of its first value. */
    private int newRow() {
        int needed = (rows + 1) * columns;
        if (needed > values.length) {
            // doubling, but never past the row bound: a long run would otherwise hold up to twice the rows it uses
            int bounded = Math.min(values.length * 2, Math.max(maxRows, rows + 1) * columns);
            values = Arrays.copyOf(values, Math.max(needed, bounded));
        }
        return rows++ * columns;
    }

    /** Merges rows (0,1), (2,3), ...; an odd last row stays as it is. */
    void coarsen() {
        int merged = (rows + 1) / 2;
        for (int r = 0; r < merged; r++) {
            int a = 2 * r;
            int b = a + 1;
            for (int c = 0; c < columns; c++) {
                double va = values[a * columns + c];
                double v = va;
                if (b < rows) {
                    double vb = values[b * columns + c];
                    v = switch (merges[c]) {
                        case SUM -> va + vb;
                        case MAX -> Math.max(va, vb);
                        case LAST -> vb;
                    };
                }
                values[r * columns + c] = v;
            }
        }
        rows = merged;
    }
}
