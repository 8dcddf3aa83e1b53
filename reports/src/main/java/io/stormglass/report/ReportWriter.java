package io.stormglass.report;

import io.stormglass.report.export.EventsJsonl;
import io.stormglass.report.export.MetricsCsv;
import io.stormglass.report.export.SummaryJson;
import io.stormglass.report.internal.analysis.Findings;
import io.stormglass.report.internal.analysis.RecordingView;
import io.stormglass.report.internal.analysis.RunSummary;
import io.stormglass.report.internal.chart.ChartContext;
import io.stormglass.report.internal.chart.ChartFiles;
import io.stormglass.report.internal.chart.ChartSpec;
import io.stormglass.report.internal.chart.Charts;
import io.stormglass.report.internal.html.HtmlReport;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.StagingFolder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's folder: {@value #REPORT_HTML}, every chart as PNG (2×) and SVG,
 * {@value #METRICS_CSV}, {@value #EVENTS_JSONL} and {@value #SUMMARY_JSON}.
 *
 * <p>{@code events.jsonl} holds the events the timeline retained in memory; a run whose timeline
 * dropped events (beyond its retention limit) should stream them itself through a timeline listener
 * and {@link EventsJsonl#toJson}; the report notes how many were dropped.
 *
 * <p>Atomic: everything is written into a hidden staging folder beside {@code outDir}
 * ({@link StagingFolder}), which is then marked as a run's output and renamed to {@code outDir}.
 * A reader sees either the previous folder or the complete new one, never a half-written report;
 * a previous {@code outDir} is replaced (whether it may be is the caller's decision, see
 * {@link io.stormglass.report.output.OutputDestination}). On failure the staging folder is removed
 * and {@code outDir} is left as it was.
 *
 * <p>Output is byte-stable for the same record: sorted iteration, {@code Locale.ROOT} numbers, and
 * no wall-clock time other than {@link RunRecord#wallSeconds()}.
 */
public final class ReportWriter {
    public static final String REPORT_HTML = "report.html";
    public static final String METRICS_CSV = "metrics.csv";
    public static final String EVENTS_JSONL = "events.jsonl";
    public static final String SUMMARY_JSON = "summary.json";

    private ReportWriter() {
    }

    /**
     * Writes the report of {@code run} into {@code outDir} (created, or replaced if it exists).
     *
     * @return the path of {@code report.html}
     */
    public static Path write(RunRecord run, Path outDir) throws IOException {
        ChartFiles.headless();
        try (StagingFolder staging = StagingFolder.create(outDir)) {
            writeInto(run, staging.dir());
            return staging.publish(OutputKind.RUN, run.reproduceCommand()).resolve(REPORT_HTML);
        }
    }

    private static void writeInto(RunRecord run, Path dir) throws IOException {
        writeInto(run, dir, true);
    }

    /**
     * Writes the data files ({@value #METRICS_CSV}, {@value #EVENTS_JSONL}, {@value #SUMMARY_JSON})
     * and, if {@code withReport}, the charts and {@value #REPORT_HTML} into an existing folder, not
     * atomically: for callers that stage a folder of their own (with more files in it) and publish
     * it themselves.
     */
    public static void writeInto(RunRecord run, Path dir, boolean withReport) throws IOException {
        ChartFiles.headless();
        try (Writer out = Files.newBufferedWriter(dir.resolve(METRICS_CSV), StandardCharsets.UTF_8)) {
            MetricsCsv.write(run.recorder(), run.simulatedDurationNanos(), out);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(EVENTS_JSONL), StandardCharsets.UTF_8)) {
            EventsJsonl.write(run.recorder().timeline().events(), out);
        }
        RecordingView view = new RecordingView(run.recorder(), run.simulatedDurationNanos());
        RunSummary summary = RunSummary.of(run);
        Findings findings = Findings.of(summary, view);
        try (Writer out = Files.newBufferedWriter(dir.resolve(SUMMARY_JSON), StandardCharsets.UTF_8)) {
            SummaryJson.write(run, summary, findings, out);
        }
        if (!withReport) {
            return;
        }
        List<ChartSpec> charts = Charts.all(ChartContext.of(view, summary, run.recorder().timeline().events()));
        for (ChartSpec chart : charts) {
            ChartFiles.writePng(chart, dir.resolve(chart.pngName()));
            ChartFiles.writeSvg(chart, dir.resolve(chart.svgName()));
        }
        String html = HtmlReport.render(run, summary, findings, charts,
                List.of(METRICS_CSV, EVENTS_JSONL, SUMMARY_JSON));
        Files.writeString(dir.resolve(REPORT_HTML), html, StandardCharsets.UTF_8);
    }
}
