package io.stormglass.report.internal.capacity;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.capacity.Resource;
import io.stormglass.report.internal.chart.ChartSpec;
import io.stormglass.report.internal.chart.ChartStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a capacity report, each against load in requests per second: latency percentiles
 * (against offered load as solid lines, against achieved load as dashed ones, so that a system
 * falling behind shows as dashed lines bending back), utilisation of each resource, and the
 * profiles' put p99 side by side.
 */
final class CapacityCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 380;
    private static final float[] DASH = {6f, 4f};
    private static final List<Resource> PLOTTED = List.of(Resource.WAL_DEVICE, Resource.DATA_DEVICE, Resource.LEADER_CPU,
            Resource.NETWORK, Resource.THROTTLE, Resource.NEIGHBOUR);

    private CapacityCharts() {
    }

    /** Put and linearizable-get p50 and p99 against offered and achieved load, with the SLO bounds. */
    static ChartSpec latency(ProfileOutcome p, double putSloMs, double getSloMs) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        i = add(data, r, i, p.steps(), "put p99", CapacityStep::putP99Ms, 0, false, true);
        i = add(data, r, i, p.steps(), "put p99 vs achieved", CapacityStep::putP99Ms, 0, true, true);
        i = add(data, r, i, p.steps(), "put p50", CapacityStep::putP50Ms, 1, false, true);
        i = add(data, r, i, p.steps(), "get p99", CapacityStep::getP99Ms, 2, false, true);
        i = add(data, r, i, p.steps(), "get p99 vs achieved", CapacityStep::getP99Ms, 2, true, true);
        add(data, r, i, p.steps(), "get p50", CapacityStep::getP50Ms, 3, false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (CapacityStep s : p.steps()) {
            for (double v : new double[] {s.putP50Ms(), s.putP99Ms(), s.getP50Ms(), s.getP99Ms()}) {
                if (v > 0) {
                    lo = Math.min(lo, v / 1e3);
                    hi = Math.max(hi, v / 1e3);
                }
            }
        }
        for (double slo : new double[] {putSloMs, getSloMs}) {
            if (slo > 0) {
                lo = Math.min(lo, slo / 1e3);
                hi = Math.max(hi, slo / 1e3);
            }
        }
        if (!(hi > 0)) {
            lo = 1e-4;
            hi = 1;
        }
        LogAxis y = ChartStyle.latencyAxis("latency", lo, hi);
        XYPlot plot = ChartStyle.style(new XYPlot(data, loadAxis(), y, r));
        if (putSloMs > 0) {
            ChartStyle.guide(plot, putSloMs / 1e3, "put SLO", ChartStyle.color(0));
        }
        if (getSloMs > 0) {
            ChartStyle.guide(plot, getSloMs / 1e3, "get SLO", ChartStyle.color(2));
        }
        String caption = "Client latency percentiles of " + p.name() + " against load: solid lines against the offered load,"
                + " dashed lines against the achieved load (they bend back where the cluster falls behind); dashed"
                + " horizontal lines are the SLO.";
        return new ChartSpec(p.name() + "-latency", caption, WIDTH, HEIGHT,
                ChartStyle.chart(p.name() + ": latency against load", "seconds on a log scale", plot, true), !p.steps().isEmpty());
    }

    /** Utilisation of each resource (percent) against offered load. */
    static ChartSpec utilisation(ProfileOutcome p) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int i = 0;
        for (Resource res : PLOTTED) {
            i = add(data, r, i, p.steps(), res.label(), s -> s.utilisationOf(res) * 100, PLOTTED.indexOf(res), false, false);
        }
        NumberAxis y = ChartStyle.countAxis("utilisation (%)");
        y.setRange(0, 105);
        XYPlot plot = ChartStyle.style(new XYPlot(data, loadAxis(), y, r));
        String caption = "Utilisation of " + p.name() + "'s resources against offered load: the leader's WAL and data"
                + " devices (busy time), its busiest thread, its busiest link; the throttle as the share of I/O time spent"
                + " waiting in it; a neighbour as its share of the device's time.";
        return new ChartSpec(p.name() + "-utilisation", caption, WIDTH, HEIGHT,
                ChartStyle.chart(p.name() + ": utilisation against load", null, plot, true), !p.steps().isEmpty());
    }

    /** Every profile's put p99 (or get p99 when there are no puts) against offered load. */
    static ChartSpec comparison(List<ProfileOutcome> profiles, double putSloMs) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = putSloMs > 0 ? putSloMs / 1e3 : 0;
        for (int k = 0; k < profiles.size(); k++) {
            ProfileOutcome p = profiles.get(k);
            XYSeries s = new XYSeries(p.name(), false, true);
            for (CapacityStep st : p.steps()) {
                double v = Double.isNaN(st.putP99Ms()) ? st.getP99Ms() : st.putP99Ms();
                if (v > 0) {
                    s.add(st.offeredPerSecond(), v / 1e3);
                    lo = Math.min(lo, v / 1e3);
                    hi = Math.max(hi, v / 1e3);
                }
            }
            data.addSeries(s);
            r.setSeriesPaint(k, ChartStyle.color(k));
            r.setSeriesStroke(k, new BasicStroke(1.6f));
        }
        if (!(lo < Double.POSITIVE_INFINITY)) {
            lo = 1e-4;
            hi = Math.max(hi, 1);
        }
        LogAxis loadLog = new LogAxis("offered load (requests/s, log scale)");
        loadLog.setBase(10);
        loadLog.setSmallestValue(1);
        // one labelled tick per decade, written as plain numbers (10, 100, 1,000) rather than powers
        loadLog.setAutoTickUnitSelection(false);
        loadLog.setTickUnit(new NumberTickUnit(1.0));
        loadLog.setMinorTickCount(9);
        loadLog.setMinorTickMarksVisible(true);
        loadLog.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        XYPlot plot = ChartStyle.style(new XYPlot(data, loadLog, ChartStyle.latencyAxis("put p99", lo, hi), r));
        if (putSloMs > 0) {
            ChartStyle.guide(plot, putSloMs / 1e3, "put SLO", Color.DARK_GRAY);
        }
        return new ChartSpec("comparison", "Put p99 of every profile against offered load (both axes logarithmic); "
                + "where a line crosses the SLO line is roughly that profile's capacity.", WIDTH, HEIGHT + 60,
                ChartStyle.chart("Profiles side by side: put p99 against load", null, plot, true), !profiles.isEmpty());
    }

    private static int add(XYSeriesCollection data, XYLineAndShapeRenderer r, int index, List<CapacityStep> steps, String name,
            ToDoubleFunction<CapacityStep> value, int colour, boolean againstAchieved, boolean latency) {
        XYSeries s = new XYSeries(name, false, true);
        for (CapacityStep st : steps) {
            double v = value.applyAsDouble(st);
            if (Double.isNaN(v) || latency && v <= 0) {
                continue;
            }
            s.add(againstAchieved ? st.achievedPerSecond() : st.offeredPerSecond(), latency ? v / 1e3 : v);
        }
        if (s.getItemCount() == 0) {
            return index;
        }
        data.addSeries(s);
        r.setSeriesPaint(index, ChartStyle.color(colour));
        r.setSeriesStroke(index, againstAchieved
                ? new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASH, 0f)
                : new BasicStroke(name.contains("p50") ? 1.0f : 1.8f));
        r.setSeriesShapesVisible(index, !againstAchieved);
        return index + 1;
    }

    private static NumberAxis loadAxis() {
        return ChartStyle.countAxis("load (requests/s)");
    }
}
