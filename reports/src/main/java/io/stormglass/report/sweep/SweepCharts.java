package io.stormglass.report.sweep;

import io.stormglass.report.internal.chart.ChartFiles;
import io.stormglass.report.output.AtomicFile;
import io.stormglass.report.internal.chart.ChartSpec;
import io.stormglass.report.internal.chart.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The sweep charts, each written as PNG (2× pixels) and SVG with the run report's look: a heatmap of
 * one metric over two settings, the Pareto chart of spurious leader changes against failover time,
 * and the failover-time CDFs. Every method writes {@code <stem>.png} and {@code <stem>.svg} into
 * {@code dir}, each atomically, and returns what it wrote.
 */
public final class SweepCharts {
    private static final Font CELL = new Font("SansSerif", Font.PLAIN, 11);

    private SweepCharts() {
    }

    /** A heatmap: one cell per (x, y) setting, its value printed in it; empty cells are grey and marked "–". */
    public static ChartFile heatmap(Path dir, String stem, String title, String caption, HeatmapData d) throws IOException {
        int nx = d.xLabels().size();
        int ny = d.yLabels().size();
        double[] range = valueRange(d);
        double lo = range[0];
        double hi = range[1];
        HeatScale scale = new HeatScale(lo, hi, d.lowIsGood());
        XYPlot plot = heatmapPlot(title, d, scale);
        labelCells(plot, d, scale);
        JFreeChart chart = ChartStyle.chart(title, null, plot, false);
        chart.addSubtitle(heatLegend(scale, d.unit(), lo, hi));
        int width = Math.max(560, 110 + 90 * nx);
        int height = Math.max(380, 140 + 40 * ny);
        return write(dir, new ChartSpec(stem, caption, width, height, chart, true), title);
    }

    /** The smallest and the largest value of the grid; 0 and 1 when every cell is empty. */
    private static double[] valueRange(HeatmapData d) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : d.values()) {
            for (double v : row) {
                if (!Double.isNaN(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
    }

    /** One block per cell, coloured by {@code scale}, on category axes whose ticks are the settings. */
    private static XYPlot heatmapPlot(String title, HeatmapData d, HeatScale scale) {
        int nx = d.xLabels().size();
        int ny = d.yLabels().size();
        double[][] xyz = new double[3][nx * ny];
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int i = y * nx + x;
                xyz[0][i] = x;
                xyz[1][i] = y;
                xyz[2][i] = d.values()[y][x];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(title, xyz);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(d.xName(), d.xLabels().toArray(new String[0]));
        SymbolAxis yAxis = new SymbolAxis(d.yName(), d.yLabels().toArray(new String[0]));
        for (SymbolAxis a : List.of(xAxis, yAxis)) {
            a.setGridBandsVisible(false);
            a.setLowerMargin(0);
            a.setUpperMargin(0);
        }
        xAxis.setRange(-0.5, nx - 0.5);
        yAxis.setRange(-0.5, ny - 0.5);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    /** Prints each cell's value in it, in a colour readable on the cell; an empty cell shows "–". */
    private static void labelCells(XYPlot plot, HeatmapData d, HeatScale scale) {
        for (int y = 0; y < d.yLabels().size(); y++) {
            for (int x = 0; x < d.xLabels().size(); x++) {
                double v = d.values()[y][x];
                XYTextAnnotation a = new XYTextAnnotation(Double.isNaN(v) ? "–" : format(v), x, y);
                a.setFont(CELL);
                a.setPaint(Double.isNaN(v) ? Color.DARK_GRAY : scale.textOn(v));
                plot.addAnnotation(a);
            }
        }
    }

    /** The colour legend on the right, from {@code lo} to {@code hi} in {@code unit}. */
    private static PaintScaleLegend heatLegend(HeatScale scale, String unit, double lo, double hi) {
        NumberAxis legendAxis = new NumberAxis(unit);
        legendAxis.setRange(lo, hi > lo ? hi : lo + 1);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(6, 6, 6, 6));
        legend.setStripWidth(12);
        return legend;
    }

    /**
     * Spurious leader changes per hour (x) against failover time (y, the median); the Pareto front is joined by a
     * line, the recommended setting drawn larger.
     */
    public static ChartFile pareto(Path dir, String stem, String title, String caption, List<ParetoPoint> points)
            throws IOException {
        XYSeries all = new XYSeries("setting", false, true);
        XYSeries front = new XYSeries("Pareto front", true, true);
        XYSeries chosen = new XYSeries("recommended", false, true);
        for (ParetoPoint p : points) {
            all.add(p.spuriousPerHour(), p.failoverMs());
            if (p.onFront()) {
                front.add(p.spuriousPerHour(), p.failoverMs());
            }
            if (p.recommended()) {
                chosen.add(p.spuriousPerHour(), p.failoverMs());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(all);
        data.addSeries(front);
        data.addSeries(chosen);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        r.setSeriesLinesVisible(0, false);
        r.setSeriesPaint(0, ChartStyle.color(0));
        r.setSeriesLinesVisible(1, true);
        r.setSeriesShapesVisible(1, false);
        r.setSeriesPaint(1, ChartStyle.color(1));
        r.setSeriesStroke(1, new BasicStroke(1.6f));
        r.setSeriesLinesVisible(2, false);
        r.setSeriesPaint(2, ChartStyle.color(3));
        r.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-7, -7, 14, 14));
        NumberAxis x = ChartStyle.countAxis("spurious leader changes per hour (no crash)");
        x.setAutoRangeIncludesZero(true);
        // room for the labels written to the right of the points
        x.setUpperMargin(0.2);
        NumberAxis y = ChartStyle.countAxis("failover time p50 (ms)");
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.08);
        XYPlot plot = ChartStyle.style(new XYPlot(data, x, y, r));
        for (ParetoPoint p : points) {
            XYTextAnnotation a = new XYTextAnnotation("  " + p.label(), p.spuriousPerHour(), p.failoverMs());
            a.setFont(CELL);
            a.setTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
        JFreeChart chart = ChartStyle.chart(title, null, plot, true);
        return write(dir, new ChartSpec(stem, caption, 900, 520, chart, !points.isEmpty()), title);
    }

    /** One empirical CDF per series of failover times (milliseconds), as steps. */
    public static ChartFile cdf(Path dir, String stem, String title, String caption, Map<String, double[]> samplesMs)
            throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (var e : samplesMs.entrySet()) {
            double[] v = e.getValue().clone();
            if (v.length == 0) {
                continue;
            }
            Arrays.sort(v);
            XYSeries s = new XYSeries(e.getKey() + " (n=" + v.length + ")", false, true);
            s.add(v[0], 0.0);
            for (int k = 0; k < v.length; k++) {
                s.add(v[k], (double) k / v.length);
                s.add(v[k], (double) (k + 1) / v.length);
            }
            data.addSeries(s);
            r.setSeriesPaint(data.getSeriesCount() - 1, ChartStyle.color(i++));
            r.setSeriesStroke(data.getSeriesCount() - 1, new BasicStroke(1.6f));
        }
        NumberAxis x = ChartStyle.countAxis("time from leader crash to new leader known to the others (ms)");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = ChartStyle.countAxis("fraction of trials at or below");
        XYPlot plot = ChartStyle.style(new XYPlot(data, x, y, r));
        plot.getRangeAxis().setRange(0, 1.04);
        JFreeChart chart = ChartStyle.chart(title, null, plot, true);
        return write(dir, new ChartSpec(stem, caption, 900, 480, chart, data.getSeriesCount() > 0), title);
    }

    private static ChartFile write(Path dir, ChartSpec spec, String title) throws IOException {
        ChartFiles.headless();
        // atomically: a sweep writes its charts into a folder people may be looking at
        AtomicFile.write(dir.resolve(spec.pngName()), f -> ChartFiles.writePng(spec, f));
        AtomicFile.write(dir.resolve(spec.svgName()), f -> ChartFiles.writeSvg(spec, f));
        return new ChartFile(spec.fileStem(), title, spec.caption());
    }

    /** Cell text: three significant figures, no exponent. */
    static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
