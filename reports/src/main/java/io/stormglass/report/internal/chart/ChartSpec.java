package io.stormglass.report.internal.chart;

import org.jfree.chart.JFreeChart;

/**
 * A chart ready to render, with the file stem its PNG and SVG are written under and a caption
 * saying what it shows.
 *
 * @param fileStem  file name without extension, such as {@code leader-timeline}
 * @param caption   one sentence for the report under the chart
 * @param widthPx   layout width in CSS pixels (the PNG is twice as wide)
 * @param heightPx  layout height in CSS pixels (the PNG is twice as high)
 * @param chart     the chart
 * @param hasData   false when the chart is a "no data" panel
 */
public record ChartSpec(String fileStem, String caption, int widthPx, int heightPx, JFreeChart chart,
                        boolean hasData) {
    public String pngName() {
        return fileStem + ".png";
    }

    public String svgName() {
        return fileStem + ".svg";
    }
}
