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
    private double[] values;
    private int rows;

    WindowedSeries(Merge... merges) {
        this.merges = merges.clone();
        this.columns = merges.length;
        this.values = new double[columns * 64];
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
            appendRow(new double[columns]);
        }
    }

    void appendRow(double[] row) {
        int needed = (rows + 1) * columns;
        if (needed > values.length) {
            values = Arrays.copyOf(values, Math.max(needed, values.length * 2));
        }
        System.arraycopy(row, 0, values, rows * columns, columns);
        rows++;
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
