package io.stormglass.report.sweep;

import java.util.List;

/**
 * A grid of one metric over two swept settings.
 *
 * @param xLabels  column labels (such as heartbeat intervals), left to right
 * @param yLabels  row labels (such as election timeouts), bottom to top
 * @param values   {@code values[y][x]}; {@code NaN} where the cell has no result (refused or failed settings)
 * @param xName    what the columns are
 * @param yName    what the rows are
 * @param unit     unit of the values, shown in the legend (may be empty)
 * @param lowIsGood whether small values are the good ones (they are drawn light, bad ones dark)
 */
public record HeatmapData(List<String> xLabels, List<String> yLabels, double[][] values, String xName, String yName,
        String unit, boolean lowIsGood) {
    public HeatmapData {
        xLabels = List.copyOf(xLabels);
        yLabels = List.copyOf(yLabels);
        if (values.length != yLabels.size()) {
            throw new IllegalArgumentException("one row of values per y label");
        }
        for (double[] row : values) {
            if (row.length != xLabels.size()) {
                throw new IllegalArgumentException("one value per x label in every row");
            }
        }
    }
}
