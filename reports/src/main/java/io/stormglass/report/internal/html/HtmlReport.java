package io.stormglass.report.internal.html;

import io.stormglass.report.RunRecord;
import io.stormglass.report.internal.analysis.Availability;
import io.stormglass.report.internal.analysis.Durations;
import io.stormglass.report.internal.analysis.Findings;
import io.stormglass.report.internal.analysis.LatencyStats;
import io.stormglass.report.internal.analysis.RunSummary;
import io.stormglass.report.internal.chart.ChartSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code report.html} page: self-contained (inline CSS, no scripts, no network resources),
 * XHTML-compatible so that it parses as XML, linking only files written beside it. All scenario text
 * (name, description, YAML, settings, command, warning and error texts) is escaped.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;margin:0;color:#212121;background:#fafafa;\
            line-height:1.45}
            main{max-width:1160px;margin:0 auto;padding:24px 28px 48px;background:#fff}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #e0e0e0;padding-bottom:4px;\
            margin-top:36px}h3{font-size:16px;margin:20px 0 6px}
            .desc{color:#555;margin:0 0 12px}
            nav a{margin-right:14px}
            dl.meta{display:grid;grid-template-columns:max-content auto;gap:2px 16px;margin:8px 0}
            dl.meta dt{color:#666}dl.meta dd{margin:0;font-family:"DejaVu Sans Mono",monospace}
            table{border-collapse:collapse;margin:6px 0 14px;font-size:14px}
            th,td{border:1px solid #ddd;padding:4px 10px;text-align:left;vertical-align:top}
            th{background:#f2f2f2}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .findings li{margin:4px 0}.findings{background:#fff8e1;border-left:4px solid #ffb300;padding:8px 16px 8px 32px}
            ol.changes{font-size:14px}
            figure{margin:18px 0 30px}figure img{width:100%;height:auto;border:1px solid #e0e0e0}
            figcaption{font-size:13px;color:#555;margin-top:4px}
            pre{background:#f5f5f5;border:1px solid #e0e0e0;padding:10px;overflow-x:auto;font-size:13px;\
            white-space:pre-wrap;word-break:break-all}
            .note{color:#8d6e63;font-size:13px}
            """;

    private HtmlReport() {
    }

    /**
     * The page for {@code run}.
     *
     * @param charts  the charts, written beside the page as {@link ChartSpec#pngName()} and {@link ChartSpec#svgName()}
     * @param exports file names of the data exports written beside the page
     */
    public static String render(RunRecord run, RunSummary summary, Findings findings, List<ChartSpec> charts,
                                List<String> exports) {
        Markup m = new Markup();
        m.raw("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>")
                .raw("<meta charset=\"utf-8\"/>")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .el("title", "Stormglass report: " + run.scenarioName())
                .raw("<style>").raw(CSS).raw("</style></head>\n<body><main>\n");
        header(m, run, exports);
        m.raw("\n<h2 id=\"findings\">Findings</h2>\n<ul class=\"findings\">");
        findings.statements().forEach(s -> m.el("li", s));
        m.raw("</ul>\n");
        if (!findings.changes().isEmpty()) {
            m.el("h3", "Leader changes").open("ol", "changes");
            findings.changes().forEach(s -> m.el("li", s));
            m.close("ol");
        }
        summary(m, run, summary);
        m.raw("\n<h2 id=\"charts\">Charts</h2>\n");
        for (ChartSpec c : charts) {
            m.raw("<figure id=\"chart-").text(c.fileStem()).raw("\"><img src=\"").text(c.pngName())
                    .raw("\" alt=\"").text(c.chart().getTitle() == null ? c.fileStem() : c.chart().getTitle().getText())
                    .raw("\" width=\"").raw(Integer.toString(c.widthPx())).raw("\" height=\"")
                    .raw(Integer.toString(c.heightPx())).raw("\"/><figcaption>").text(c.caption()).text(" ")
                    .link(c.pngName(), "PNG").text(" · ").link(c.svgName(), "SVG").raw("</figcaption></figure>\n");
        }
        settings(m, run);
        m.raw("\n<h2 id=\"scenario\">Scenario as run</h2>\n");
        m.el("pre", run.scenarioYaml().isEmpty() ? "(no scenario text recorded)" : run.scenarioYaml());
        m.raw("\n<h2 id=\"reproduce\">Reproduce</h2>\n");
        m.el("p", "Same scenario and seed give the same fingerprint (" + run.fingerprintHex() + ") on any machine:");
        m.el("pre", run.reproduceCommand().isEmpty() ? "(no command recorded)" : run.reproduceCommand());
        m.raw("\n</main></body></html>\n");
        return m.toString();
    }

    private static void header(Markup m, RunRecord run, List<String> exports) {
        m.el("h1", run.scenarioName());
        if (!run.description().isEmpty()) {
            m.el("p", "desc", run.description());
        }
        m.raw("<dl class=\"meta\">");
        meta(m, "seed", Long.toString(run.seed()));
        meta(m, "fingerprint", run.fingerprintHex());
        String simulated = Durations.human(run.simulatedDurationNanos());
        String inSeconds = Durations.sig(run.simulatedDurationNanos() / 1e9) + " s";
        meta(m, "simulated time", simulated.equals(inSeconds) ? simulated : simulated + " (" + inSeconds + ")");
        meta(m, "wall time", String.format(Locale.ROOT, "%.2f s", run.wallSeconds()));
        meta(m, "events dispatched", Long.toString(run.eventsDispatched()));
        meta(m, "members", String.join(", ", run.memberIds().stream().map(RunRecord::member).toList()));
        m.raw("</dl>\n<nav>");
        m.link("#findings", "Findings").link("#summary", "Summary").link("#charts", "Charts")
                .link("#settings", "Settings").link("#scenario", "Scenario").link("#reproduce", "Reproduce");
        m.raw("</nav>\n<p>Data of record: ");
        for (int i = 0; i < exports.size(); i++) {
            m.text(i == 0 ? "" : ", ").link(exports.get(i), exports.get(i));
        }
        m.raw("</p>\n");
    }

    private static void meta(Markup m, String key, String value) {
        m.el("dt", key).el("dd", value);
    }

    private static void summary(Markup m, RunRecord run, RunSummary s) {
        m.raw("\n<h2 id=\"summary\">Summary</h2>\n");
        Availability a = s.availability();
        List<List<String>> cluster = new ArrayList<>();
        cluster.add(List.of("leader changes (after the first leader)", Integer.toString(s.changes().size())));
        cluster.add(List.of("leaders elected", Integer.toString(s.leaderships())));
        cluster.add(List.of("unavailability: no leader known to a majority (s)", seconds(a.unavailableNanos())));
        cluster.add(List.of("of which the initial election (s)", seconds(a.initialNanos())));
        cluster.add(List.of("elections started / pre-vote campaigns", s.elections() + " / " + s.preVotes()));
        cluster.add(List.of("election timeout used for the findings", Durations.human(s.electionTimeoutNanos())));
        m.el("h3", "Cluster").table(List.of("figure", "value"), cluster, false, true);

        List<List<String>> ops = new ArrayList<>();
        s.requests().forEach((op, st) -> ops.add(latencyRow(op, st)));
        m.el("h3", "Client requests (client_request_duration_seconds)");
        tableOrNote(m, List.of("op", "requests", "p50", "p99", "max"), ops, "No client requests recorded.");

        List<List<String>> fsync = new ArrayList<>();
        s.fsync().forEach((member, st) -> {
            List<String> row = new ArrayList<>(latencyRow(member, st));
            row.add(Long.toString(s.heartbeatFailures().getOrDefault(member, 0L)));
            fsync.add(row);
        });
        m.el("h3", "WAL fdatasync per member (etcd_disk_wal_fsync_duration_seconds)");
        tableOrNote(m, List.of("member", "fsyncs", "p50", "p99", "max", "heartbeat send failures"), fsync,
                "No WAL fdatasync recorded.");

        List<List<String>> warnings = new ArrayList<>();
        s.warnings().forEach((message, byMember) -> warnings.add(List.of(message,
                Long.toString(s.warningCount(message)), Findings.counts(byMember))));
        m.el("h3", "Warnings (etcd log text)");
        tableOrNote(m, List.of("message", "count", "by member"), warnings, "No warnings logged.");
        long dropped = run.recorder().timeline().droppedCount();
        if (dropped > 0) {
            m.el("p", "note", dropped + " timeline events beyond the in-memory limit are not counted here.");
        }

        List<List<String>> errors = new ArrayList<>();
        s.clientErrors().forEach((text, n) -> errors.add(List.of(text, Long.toString(n))));
        m.el("h3", "Client errors (client_errors_total)");
        tableOrNote(m, List.of("error", "count"), errors, "No client errors recorded.");
    }

    private static void tableOrNote(Markup m, List<String> header, List<List<String>> rows, String none) {
        if (rows.isEmpty()) {
            m.el("p", "note", none);
            return;
        }
        boolean[] numeric = new boolean[header.size()];
        for (int i = 1; i < numeric.length; i++) {
            numeric[i] = true;
        }
        m.table(header, rows, numeric);
    }

    private static List<String> latencyRow(String key, LatencyStats st) {
        return List.of(key, Long.toString(st.count()), human(st.count(), st.p50Nanos()), human(st.count(), st.p99Nanos()),
                human(st.count(), st.maxNanos()));
    }

    private static String human(long count, long nanos) {
        return count == 0 ? "–" : Durations.human(nanos);
    }

    private static void settings(Markup m, RunRecord run) {
        m.raw("\n<h2 id=\"settings\">Settings</h2>\n");
        SortedMap<String, String> all = new TreeMap<>(run.settings());
        all.put("heartbeat-interval", Durations.human(run.timeouts().heartbeatIntervalNanos()));
        all.put("election-timeout", Durations.human(run.timeouts().electionTimeoutNanos()));
        run.walDevices().forEach((member, device) -> all.putIfAbsent("wal-device/" + RunRecord.member(member), device));
        List<List<String>> rows = new ArrayList<>();
        all.forEach((k, v) -> rows.add(List.of(k, v)));
        if (rows.isEmpty()) {
            m.el("p", "note", "No settings recorded.");
        } else {
            m.table(List.of("setting", "value"), rows);
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
