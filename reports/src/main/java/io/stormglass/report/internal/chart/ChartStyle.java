package io.stormglass.report.internal.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/** One look for every chart: fonts, colours, grid, axes, guide lines and the "no data" panel. */
public final class ChartStyle {
    /** Tableau 10: distinct hues that stay apart for common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };
    static final Font TITLE = new Font("SansSerif", Font.BOLD, 16);
    static final Font SUBTITLE = new Font("SansSerif", Font.PLAIN, 12);
    static final Font LABEL = new Font("SansSerif", Font.PLAIN, 12);
    static final Font TICK = new Font("SansSerif", Font.PLAIN, 11);
    static final Font SMALL = new Font("SansSerif", Font.PLAIN, 10);
    static final Color GRID = new Color(0xdddddd);
    static final Color LEADER_CHANGE = new Color(0xc62828);
    static final Color BURST = new Color(0x9467bd);
    static final Color FAULT = new Color(0xe57373);
    static final Stroke SOLID = new BasicStroke(1.6f);
    static final Stroke THIN = new BasicStroke(1.0f);
    static final Stroke DASHED = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);
    static final Stroke DOTTED = new BasicStroke(1.0f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1f, 3f}, 0f);

    private ChartStyle() {
    }

    /** Colour {@code i} of the palette, cycling. */
    public static Paint color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** A chart with title, optional subtitle, white background and the legend below. */
    public static JFreeChart chart(String title, String subtitle, Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(6, 6, 6, 12));
        if (subtitle != null && !subtitle.isEmpty()) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setItemFont(LABEL);
            legendTitle.setPosition(RectangleEdge.BOTTOM);
            legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /** Applies the grid and background to {@code plot}. */
    public static XYPlot style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setNoDataMessageFont(LABEL);
        plot.setNoDataMessagePaint(Color.DARK_GRAY);
        return plot;
    }

    /** A time axis from 0 to the end of the run, in {@code scale}'s unit. */
    public static NumberAxis timeAxis(TimeScale scale, long durationNanos) {
        NumberAxis axis = new NumberAxis(scale.axisLabel());
        axis.setAutoRangeIncludesZero(true);
        if (durationNanos > 0) {
            axis.setRange(0, scale.of(durationNanos));
        }
        return fonts(axis);
    }

    /** A log axis for latencies in seconds spanning at least {@code [lowerS, upperS]} (both positive), ticks as durations. */
    public static LogAxis latencyAxis(String label, double lowerS, double upperS) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(1e-7);
        // whole decades, so that at least two labelled ticks are always visible
        axis.setRange(Math.pow(10, Math.floor(Math.log10(lowerS))), Math.pow(10, Math.ceil(Math.log10(upperS))));
        axis.setNumberFormatOverride(new LatencyFormat());
        // one labelled tick per decade (1 ms, 10 ms, ...) reads faster than JFreeChart's automatic 10^0.2 steps
        axis.setAutoTickUnitSelection(false);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        return fonts(axis);
    }

    /** A linear value axis that starts at zero. */
    public static NumberAxis countAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        return fonts(axis);
    }

    /** A linear axis for whole counts (events per window), with integer ticks only. */
    public static NumberAxis integerAxis(String label) {
        NumberAxis axis = countAxis(label);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return axis;
    }

    static <A extends ValueAxis> A fonts(A axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
        return axis;
    }

    /** Lines without shapes; {@code NaN} values leave gaps. */
    public static XYLineAndShapeRenderer lines() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setDrawSeriesLineAsPath(false);
        return r;
    }

    /** A labelled horizontal guide line at {@code value} on the range axis. */
    public static void guide(XYPlot plot, double value, String label, Paint paint) {
        ValueMarker m = new ValueMarker(value, paint, DASHED);
        m.setLabel(label);
        m.setLabelFont(SMALL);
        m.setLabelPaint(paint);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        plot.addRangeMarker(m, Layer.FOREGROUND);
    }

    /** A vertical line where the leader changed. */
    public static void leaderChange(XYPlot plot, double x) {
        plot.addDomainMarker(new ValueMarker(x, LEADER_CHANGE, DASHED), Layer.FOREGROUND);
    }

    /** The "no data" panel: a titled, empty plot with {@code message} in its middle. */
    public static ChartSpec noData(String fileStem, String title, String message, int widthPx, int heightPx) {
        XYPlot plot = style(new XYPlot(new XYSeriesCollection(), fonts(new NumberAxis()), fonts(new NumberAxis()),
                lines()));
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setNoDataMessage("No data: " + message);
        plot.setNoDataMessageFont(TITLE);
        return new ChartSpec(fileStem, "No data: " + message, widthPx, heightPx, chart(title, null, plot, false), false);
    }
}
