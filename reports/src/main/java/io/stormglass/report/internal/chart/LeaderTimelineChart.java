package io.stormglass.report.internal.chart;

import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.internal.analysis.MarkedSpan;
import io.stormglass.report.internal.analysis.RoleSpan;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One lane per member showing its role over time, the leader's term written at the start of each
 * leadership, leader changes as vertical red lines, neighbour bursts shaded purple and faults red.
 */
final class LeaderTimelineChart {
    static final String FILE = "leader-timeline";
    private static final String TITLE = "Leader timeline";
    /** Beyond this many leaderships, term labels would overlap; the caption says so. */
    private static final int MAX_TERM_LABELS = 40;
    private static final double LANE_HALF_HEIGHT = 0.32;
    private static final Map<NodeRole, Color> COLORS = new EnumMap<>(Map.of(
            NodeRole.LEADER, new Color(0x2e7d32),
            NodeRole.FOLLOWER, new Color(0xb0bec5),
            NodeRole.PRE_CANDIDATE, new Color(0xffcc80),
            NodeRole.CANDIDATE, new Color(0xef6c00),
            NodeRole.DOWN, new Color(0x212121)));

    private LeaderTimelineChart() {
    }

    static ChartSpec build(ChartContext ctx) {
        SortedMap<Integer, List<RoleSpan>> lanes = ctx.summary().lanes().lanes();
        int width = 1100;
        int height = 150 + 55 * Math.max(1, lanes.size());
        if (lanes.isEmpty() || ctx.durationNanos() == 0) {
            return ChartStyle.noData(FILE, TITLE, "no members or roles recorded", width, height);
        }
        List<Integer> members = new ArrayList<>(lanes.keySet());
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        Map<NodeRole, XYIntervalSeries> byRole = new EnumMap<>(NodeRole.class);
        for (NodeRole role : NodeRole.values()) {
            XYIntervalSeries s = new XYIntervalSeries(roleName(role));
            byRole.put(role, s);
            data.addSeries(s);
        }
        for (int lane = 0; lane < members.size(); lane++) {
            for (RoleSpan span : lanes.get(members.get(lane))) {
                double x0 = ctx.scale().of(span.startNanos());
                double x1 = ctx.scale().of(span.endNanos());
                byRole.get(span.role()).add((x0 + x1) / 2, x0, x1, lane, lane - LANE_HALF_HEIGHT, lane + LANE_HALF_HEIGHT);
            }
        }
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        NodeRole[] roles = NodeRole.values();
        for (int i = 0; i < roles.length; i++) {
            renderer.setSeriesPaint(i, COLORS.get(roles[i]));
        }
        String[] labels = members.stream().map(m -> "n" + m).toArray(String[]::new);
        SymbolAxis laneAxis = ChartStyle.fonts(new SymbolAxis("Member", labels));
        laneAxis.setRange(-0.6, members.size() - 0.4);
        laneAxis.setGridBandsVisible(false);
        XYPlot plot = ChartStyle.style(new XYPlot(data, ChartStyle.timeAxis(ctx.scale(), ctx.durationNanos()),
                laneAxis, renderer));
        plot.setRangeGridlinesVisible(false);
        shadeSpans(ctx, plot);
        ctx.markLeaderChanges(plot);
        List<RoleSpan> leaderships = ctx.summary().lanes().leaderships();
        boolean termLabels = leaderships.size() <= MAX_TERM_LABELS;
        if (termLabels) {
            for (RoleSpan s : leaderships) {
                XYTextAnnotation a = new XYTextAnnotation("term " + s.term(), ctx.scale().of(s.startNanos()),
                        members.indexOf(s.member()) + LANE_HALF_HEIGHT + 0.04);
                a.setFont(ChartStyle.SMALL);
                a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(a);
            }
        }
        plot.setFixedLegendItems(legend(renderer));
        String subtitle = ctx.summary().leaderships() + " leaderships, " + ctx.summary().changes().size()
                + " leader changes" + (termLabels ? "" : " (too many to label terms; see events.jsonl)");
        return new ChartSpec(FILE, "Role of each member over time; red lines mark leader changes, purple bands "
                + "neighbour I/O bursts, red bands faults, green lines membership changes.", width, height,
                ChartStyle.chart(TITLE, subtitle, plot, true), true);
    }

    /** Shades neighbour bursts ({@code ActivityMarked}) and faults ({@code FaultChanged}) behind the lanes. */
    private static void shadeSpans(ChartContext ctx, XYPlot plot) {
        for (MarkedSpan span : MarkedSpan.of(ctx.events(), ctx.durationNanos())) {
            band(ctx, plot, span.startNanos(), span.endNanos(), span.fault() ? ChartStyle.FAULT : ChartStyle.BURST);
        }
        for (TimelineEvent e : ctx.events()) {
            // one line per change that took effect or failed; the command itself is in events.jsonl
            if (e instanceof TimelineEvent.FaultChanged f && f.target().equals(TimelineEvent.FaultChanged.MEMBERSHIP)
                    && !(f.description().startsWith("member ") && !f.description().contains(":"))) {
                ValueMarker m = new ValueMarker(ctx.scale().of(f.timeNanos()), MEMBERSHIP, ChartStyle.DASHED);
                m.setLabel(f.description().replace(": applied", "").replace("member ", ""));
                m.setLabelFont(m.getLabelFont().deriveFont(9f));
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
                plot.addDomainMarker(m, Layer.FOREGROUND);
            }
        }
    }

    /** Membership changes (member add, promote, remove, replace, move-leader, restarts of a rolling restart). */
    private static final Color MEMBERSHIP = new Color(0x2E, 0x7D, 0x32);

    private static void band(ChartContext ctx, XYPlot plot, long from, long to, Color color) {
        IntervalMarker m = new IntervalMarker(ctx.scale().of(from), ctx.scale().of(to));
        m.setPaint(translucent(color));
        plot.addDomainMarker(m, Layer.BACKGROUND);
    }

    private static LegendItemCollection legend(XYBarRenderer renderer) {
        LegendItemCollection items = new LegendItemCollection();
        NodeRole[] roles = NodeRole.values();
        for (int i = 0; i < roles.length; i++) {
            items.add(box(roleName(roles[i]), renderer.getSeriesPaint(i)));
        }
        items.add(box("neighbour burst", translucent(ChartStyle.BURST)));
        items.add(box("fault", translucent(ChartStyle.FAULT)));
        items.add(box("membership change", MEMBERSHIP));
        items.add(new LegendItem("leader change", null, null, null, false, new Rectangle2D.Double(-6, -1, 12, 2),
                false, ChartStyle.LEADER_CHANGE, false, ChartStyle.LEADER_CHANGE, ChartStyle.DASHED, true,
                new java.awt.geom.Line2D.Double(-7, 0, 7, 0), ChartStyle.DASHED, ChartStyle.LEADER_CHANGE));
        return items;
    }

    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 60);
    }

    private static LegendItem box(String label, Paint paint) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-5, -5, 10, 10), paint);
    }

    static String roleName(NodeRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
