package io.stormglass.experiment.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The calibration as a plain-text table, one line per compared figure, for the terminal. */
public final class CalibrationTable {
    static final List<String> HEADER = List.of("reference", "experiment", "quantity", "published", "simulated", "ratio",
            "tolerance", "ok");

    private CalibrationTable() {
    }

    /** The table's cells: one row per compared figure, in the order of {@link #HEADER}. */
    public static List<List<String>> cells(List<ReferenceResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (ReferenceResult r : results) {
            for (CalibrationRow row : r.rows()) {
                rows.add(List.of(row.group(), row.experiment(), row.quantity() + " (" + row.unit() + ")",
                        number(row.published()), number(row.simulated()), ratio(row.ratio()), row.tolerance().text(),
                        row.withinTolerance() ? "yes" : "NO"));
            }
        }
        return rows;
    }

    /** The header and the rows, columns padded to their widest cell. */
    public static String render(List<ReferenceResult> results) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(cells(results));
        int[] width = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, i < 3 ? "%-" + width[i] + "s  " : "%" + width[i] + "s  ", row.get(i)));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String ratio(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return Double.isInfinite(v) ? "∞" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
