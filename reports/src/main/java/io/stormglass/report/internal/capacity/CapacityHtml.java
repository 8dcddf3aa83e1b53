package io.stormglass.report.internal.capacity;

import io.stormglass.report.capacity.CapacityStep;
import io.stormglass.report.capacity.CapacityStudy;
import io.stormglass.report.capacity.GrowthProjection;
import io.stormglass.report.capacity.ProfileOutcome;
import io.stormglass.report.capacity.Resource;
import io.stormglass.report.internal.chart.ChartFiles;
import io.stormglass.report.internal.chart.ChartSpec;
import io.stormglass.report.internal.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code capacity-report.html}: one self-contained, XML-well-formed page (charts inline as SVG,
 * no external resources): the study, recommendations, the side-by-side comparison, then per
 * profile its table, charts and steps.
 */
public final class CapacityHtml {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;color:#212121;background:#fafafa;line-height:1.45}
            main{max-width:1160px;margin:0 auto;padding:24px 28px 48px;background:#fff}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #e0e0e0;padding-bottom:4px;margin-top:36px}
            h3{font-size:16px;margin:20px 0 6px}.desc{color:#555;margin:0 0 12px}
            table{border-collapse:collapse;margin:6px 0 14px;font-size:14px}
            th,td{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#f2f2f2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            tr.miss td{color:#b71c1c}
            .advice li{margin:4px 0}.advice{background:#fff8e1;border-left:4px solid #ffb300;padding:8px 16px 8px 32px}
            figure{margin:18px 0 30px}figure svg{width:100%;height:auto;border:1px solid #e0e0e0}
            figcaption{font-size:13px;color:#555;margin-top:4px}code{font-family:"DejaVu Sans Mono",monospace}
            """;

    private final StringBuilder out = new StringBuilder(256 * 1024);

    private CapacityHtml() {
    }

    /** The page for {@code study}. */
    public static String render(CapacityStudy study) {
        ChartFiles.headless();
        CapacityHtml h = new CapacityHtml();
        h.page(study);
        return h.out.toString();
    }

    private void page(CapacityStudy s) {
        raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>"
                + "<meta charset=\"utf-8\"/><title>").text("Capacity: " + s.name()).raw("</title><style>").raw(CSS)
                .raw("</style></head>\n<body><main>\n");
        el("h1", "Capacity study: " + s.name());
        el("p", "desc", s.description());
        List<List<String>> about = new ArrayList<>();
        about.add(List.of("workload", s.workload()));
        about.add(List.of("SLO", String.join("; ", s.slo())));
        about.add(List.of("today's load", s.currentLoadPerSecond() > 0 ? Recommendations.rate(s.currentLoadPerSecond()) : "not given"));
        about.add(List.of("monthly growth", String.format(Locale.ROOT, "%.1f %%", s.monthlyGrowth() * 100)));
        about.add(List.of("reproduce", s.reproduceCommand()));
        table(List.of("", ""), about); // a key-value table: no header row

        el("h2", "Recommendations");
        list(Recommendations.across(s));
        for (ProfileOutcome p : s.profiles()) {
            el("h3", p.name());
            list(Recommendations.forProfile(s, p));
        }

        el("h2", "Side by side");
        List<List<String>> rows = new ArrayList<>();
        for (ProfileOutcome p : s.profiles()) {
            rows.add(summaryRow(s, p));
        }
        table(List.of("profile", "max load under SLO (req/s)", "knee (req/s)", "bottleneck", "headroom at today's load",
                "SLO missed in month", "WAL fdatasync p99 (disk check)", "etcd disk verdict"), rows, false, true, true, false,
                true, true, true, false);
        figure(CapacityCharts.comparison(s.profiles(), s.putP99SloMs()));

        for (ProfileOutcome p : s.profiles()) {
            profile(s, p);
        }
        raw("</main></body></html>\n");
    }

    private List<String> summaryRow(CapacityStudy s, ProfileOutcome p) {
        double headroom = GrowthProjection.headroom(s.currentLoadPerSecond(), p.maxSustainablePerSecond());
        int month = GrowthProjection.monthSloMissed(s.currentLoadPerSecond(), s.monthlyGrowth(), p.maxSustainablePerSecond());
        return List.of(p.name(), num(p.maxSustainablePerSecond()) + (p.rampExhausted() ? "+" : ""), num(p.kneePerSecond()),
                p.bottleneck().label(), Double.isNaN(headroom) ? "–" : String.format(Locale.ROOT, "%.0f %%", headroom * 100),
                month < 0 ? "–" : month + (p.rampExhausted() ? "+" : ""),
                String.format(Locale.ROOT, "%.2f ms, %.0f IOPS", p.disk().fdatasyncP99Ms(), p.disk().iops()),
                p.disk().text());
    }

    private void profile(CapacityStudy s, ProfileOutcome p) {
        el("h2", "Profile " + p.name());
        el("p", "desc", p.description());
        List<String> header = List.of("profile", "max load under SLO (req/s)", "knee (req/s)", "bottleneck",
                "headroom at today's load", "SLO missed in month", "WAL fdatasync p99 (disk check)", "etcd disk verdict");
        table(header, List.of(summaryRow(s, p)), false, true, true, false, true, true, true, false);
        el("p", "Why: " + p.bottleneckDetail());
        figure(CapacityCharts.latency(p, s.putP99SloMs(), s.getP99SloMs()));
        figure(CapacityCharts.utilisation(p));
        List<List<String>> rows = new ArrayList<>();
        List<Integer> missed = new ArrayList<>();
        for (CapacityStep st : p.steps()) {
            if (!st.meetsSlo()) {
                missed.add(rows.size());
            }
            List<String> row = new ArrayList<>(List.of(num(st.offeredPerSecond()), num(st.achievedPerSecond()),
                    ms(st.putP50Ms()), ms(st.putP99Ms()), ms(st.getP50Ms()), ms(st.getP99Ms()), ms(st.walFsyncP99Ms()),
                    String.format(Locale.ROOT, "%.2f %%", st.errorRatio() * 100), Long.toString(st.leaderChanges())));
            for (Resource r : List.of(Resource.WAL_DEVICE, Resource.DATA_DEVICE, Resource.LEADER_CPU, Resource.NETWORK,
                    Resource.THROTTLE, Resource.NEIGHBOUR)) {
                row.add(String.format(Locale.ROOT, "%.0f %%", st.utilisationOf(r) * 100));
            }
            row.add(st.meetsSlo() ? "meets" : String.join("; ", st.violations()));
            rows.add(row);
        }
        el("h3", "Steps");
        table(List.of("offered", "achieved", "put p50 ms", "put p99 ms", "get p50 ms", "get p99 ms", "WAL fsync p99 ms",
                "errors", "leader changes", "WAL dev", "data dev", "leader CPU", "network", "throttle", "neighbour", "SLO"),
                rows, missed, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, false);
    }

    private void figure(ChartSpec chart) {
        raw("<figure>").raw(stripXmlDeclaration(ChartFiles.svgText(chart))).raw("<figcaption>").text(chart.caption())
                .raw("</figcaption></figure>\n");
    }

    /** Batik may open with an XML declaration, which cannot stand inside a page. */
    static String stripXmlDeclaration(String svg) {
        String t = svg.strip();
        if (t.startsWith("<?xml")) {
            t = t.substring(t.indexOf("?>") + 2).strip();
        }
        if (t.startsWith("<!DOCTYPE")) {
            t = t.substring(t.indexOf('>') + 1).strip();
        }
        return t;
    }

    private void list(List<String> items) {
        raw("<ul class=\"advice\">");
        for (String i : items) {
            el("li", i);
        }
        raw("</ul>\n");
    }

    private void table(List<String> header, List<List<String>> rows, boolean... numeric) {
        table(header, rows, List.of(), numeric);
    }

    /** A table; rows whose index is in {@code missed} are marked as missing the SLO. */
    private void table(List<String> header, List<List<String>> rows, List<Integer> missed, boolean... numeric) {
        raw("<table>");
        if (header.stream().anyMatch(h -> !h.isEmpty())) {
            raw("<thead><tr>");
            for (int i = 0; i < header.size(); i++) {
                cell("th", header.get(i), i < numeric.length && numeric[i]);
            }
            raw("</tr></thead>");
        }
        raw("<tbody>");
        for (int k = 0; k < rows.size(); k++) {
            List<String> row = rows.get(k);
            raw(missed.contains(k) ? "<tr class=\"miss\">" : "<tr>");
            for (int i = 0; i < row.size(); i++) {
                cell("td", row.get(i), i < numeric.length && numeric[i]);
            }
            raw("</tr>");
        }
        raw("</tbody></table>\n");
    }

    private void cell(String tag, String text, boolean numeric) {
        raw("<" + tag + (numeric ? " class=\"num\">" : ">")).text(text).raw("</" + tag + ">");
    }

    private CapacityHtml el(String tag, String text) {
        return raw("<" + tag + ">").text(text).raw("</" + tag + ">\n");
    }

    private CapacityHtml el(String tag, String cls, String text) {
        return raw("<" + tag + " class=\"" + cls + "\">").text(text).raw("</" + tag + ">\n");
    }

    private CapacityHtml raw(String markup) {
        out.append(markup);
        return this;
    }

    private CapacityHtml text(String text) {
        out.append(Html.escape(text));
        return this;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }
}
