package io.stormglass.report.internal.chart;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.SortedMap;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;

/**
 * Top: heartbeat send failures per window by member (etcd's
 * {@code etcd_server_heartbeat_send_failures_total}); bottom: elections started per window,
 * pre-vote campaigns apart from real ones. Leader changes are marked on both.
 */
final class ElectionsChart {
    static final String FILE = "heartbeats-elections";
    private static final String TITLE = "Heartbeat send failures and elections";

    private ElectionsChart() {
    }

    static ChartSpec build(ChartContext ctx) {
        SortedMap<MetricId, Counter> failures = ctx.view().counters(Metric.HEARTBEAT_SEND_FAILURES);
        int width = 1100;
        int height = 480;
        boolean noFailures = failures.values().stream().allMatch(c -> c.total() == 0);
        if ((noFailures && ctx.summary().elections() + ctx.summary().preVotes() == 0) || ctx.view().windows() == 0) {
            return ChartStyle.noData(FILE, TITLE, "no heartbeat send failures or elections recorded", width, height);
        }
        StackedXYBarRenderer hbBars = bars();
        DefaultTableXYDataset hb = heartbeatFailures(ctx, failures, hbBars);
        DefaultTableXYDataset elections = electionsStarted(ctx);
        StackedXYBarRenderer electionBars = bars();
        electionBars.setSeriesPaint(0, new java.awt.Color(0xffcc80));
        electionBars.setSeriesPaint(1, new java.awt.Color(0xef6c00));

        String per = "per " + ctx.pointText() + " window";
        XYPlot top = ChartStyle.style(new XYPlot(hb, null, ChartStyle.integerAxis("heartbeat failures " + per), hbBars));
        XYPlot bottom = ChartStyle.style(new XYPlot(elections, null, ChartStyle.integerAxis("elections " + per),
                electionBars));
        if (failures.isEmpty()) {
            top.setNoDataMessage("no heartbeat send failures recorded");
        }
        ctx.markLeaderChanges(top);
        ctx.markLeaderChanges(bottom);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.timeAxis(ctx.scale(), ctx.durationNanos()));
        plot.setGap(12);
        plot.add(top, 1);
        plot.add(bottom, 1);
        String subtitle = ctx.summary().elections() + " elections, " + ctx.summary().preVotes()
                + " pre-vote campaigns, " + ctx.summary().changes().size() + " leader changes";
        return new ChartSpec(FILE, "Top: heartbeats the leader failed to send on time, by member; bottom: "
                + "campaigns started (pre-vote light, real elections dark); red lines mark leader changes.",
                width, height, ChartStyle.chart(TITLE, subtitle, plot, true), true);
    }

    /** One stacked series per member: its heartbeat send failures per point; {@code bars} gets each a colour. */
    private static DefaultTableXYDataset heartbeatFailures(ChartContext ctx, SortedMap<MetricId, Counter> failures,
            StackedXYBarRenderer bars) {
        DefaultTableXYDataset hb = new DefaultTableXYDataset();
        int i = 0;
        for (var e : failures.entrySet()) {
            String member = e.getKey().label(Label.MEMBER.key());
            hb.addSeries(Series.perPoint(ctx, "heartbeat failures " + (member == null ? e.getKey().labels() : member),
                    e.getValue()));
            bars.setSeriesPaint(i, ChartStyle.color(i));
            i++;
        }
        hb.setIntervalWidth(ctx.pointUnits());
        return hb;
    }

    /** Campaigns started per point, from the timeline: pre-vote campaigns (series 0) and real elections (series 1). */
    private static DefaultTableXYDataset electionsStarted(ChartContext ctx) {
        XYSeries votes = new XYSeries("elections", true, false);
        XYSeries preVotes = new XYSeries("pre-vote campaigns", true, false);
        long[] voteCounts = new long[ctx.points()];
        long[] preVoteCounts = new long[ctx.points()];
        for (TimelineEvent e : ctx.events()) {
            if (e instanceof TimelineEvent.ElectionStarted s) {
                int p = ctx.pointAt(s.timeNanos());
                if (p >= 0) {
                    (s.preVote() ? preVoteCounts : voteCounts)[p]++;
                }
            }
        }
        for (int p = 0; p < voteCounts.length; p++) {
            votes.add(ctx.x(p), voteCounts[p]);
            preVotes.add(ctx.x(p), preVoteCounts[p]);
        }
        DefaultTableXYDataset elections = new DefaultTableXYDataset();
        elections.addSeries(preVotes);
        elections.addSeries(votes);
        elections.setIntervalWidth(ctx.pointUnits());
        return elections;
    }

    private static StackedXYBarRenderer bars() {
        StackedXYBarRenderer r = new StackedXYBarRenderer(0.1);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        return r;
    }
}
