package io.stormglass.report.sweep;

/**
 * A chart written as {@code <stem>.png} (2× pixels) and {@code <stem>.svg} in one folder.
 *
 * @param stem    file name without extension
 * @param title   the chart's title
 * @param caption one sentence saying how to read it
 */
public record ChartFile(String stem, String title, String caption) {
    public String pngName() {
        return stem + ".png";
    }

    public String svgName() {
        return stem + ".svg";
    }
}
