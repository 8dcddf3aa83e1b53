package io.stormglass.bench;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.report.export.MetricsCsv;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing {@code metrics.csv}, which every run does at its end (the incident writes 4.6 million rows,
 * 390 MB, 6–8 % of its CPU profile). The recording is shaped like the incident's per window: 300
 * counters, 60 gauges, 95 latency series with requests in every window (7 rows each: count, mean and
 * five percentiles) and 40 without (a count of 0), nine label texts in ten holding a comma (so
 * they are quoted, as on 88 % of the incident's rows), over {@value #WINDOWS} windows: {@value #ROWS} rows per invocation. The output
 * goes through the same UTF-8 {@link BufferedWriter} as {@code ReportWriter}'s, into a null stream, so
 * the score is formatting and encoding, not the disk. Scores are nanoseconds per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MetricsCsvBenchmark {
    static final int WINDOWS = 100;
    static final int COUNTERS = 300;
    static final int GAUGES = 60;
    static final int LATENCIES = 95;
    static final int IDLE_LATENCIES = 40;
    static final int ROWS = WINDOWS * (COUNTERS + GAUGES + 7 * LATENCIES + IDLE_LATENCIES);
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final EventKind TICK = EventKind.named("bench.record");

    private Recorder recorder;
    private long durationNanos;
    private long lcg = 0x9e3779b97f4a7c15L;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Simulation sim = new Simulation();
        recorder = new Recorder(sim, WINDOW_NANOS, 16_384, 1_000);
        List<Counter> counters = new ArrayList<>();
        for (int i = 0; i < COUNTERS; i++) {
            counters.add(recorder.counter(MetricId.of("bench_counter_total", "device", label(i), "op", "op" + i % 7)));
        }
        for (int i = 0; i < GAUGES; i++) {
            recorder.gauge(MetricId.of("bench_gauge_ratio", "device", label(i)), this::nextRatio);
        }
        List<LatencyRecorder> busy = new ArrayList<>();
        for (int i = 0; i < LATENCIES; i++) {
            busy.add(recorder.latency(MetricId.of("bench_duration_seconds", "member", label(i))));
        }
        for (int i = 0; i < IDLE_LATENCIES; i++) {
            recorder.latency(MetricId.of("bench_idle_duration_seconds", "member", label(i)));
        }
        recorder.start();
        for (int w = 0; w < WINDOWS; w++) {
            sim.scheduleAt(w * WINDOW_NANOS + WINDOW_NANOS / 2, TICK, 0, () -> record(counters, busy));
        }
        durationNanos = WINDOWS * WINDOW_NANOS;
        sim.runUntil(durationNanos);
        recorder.closePartialWindow(); // as a run ends; an empty window at the end is not part of the run
        StringWriter probe = new StringWriter();
        MetricsCsv.write(recorder, durationNanos, probe);
        long rows = probe.toString().lines().count() - 1;
        if (rows != ROWS) {
            throw new IllegalStateException("the recording writes " + rows + " rows, not " + ROWS);
        }
    }

    /**
     * Nine labels in ten hold a comma and are quoted, as {@code device=ceph/osd.0,issuer=n1/wal}
     * (about 30 characters) is on 88 % of the incident's rows.
     */
    private static String label(int i) {
        return i % 10 == 0 ? "ceph-n" + i : "ceph/osd." + i + ",issuer=n" + i % 5 + "/wal";
    }

    private long next() {
        lcg = lcg * 6364136223846793005L + 1442695040888963407L;
        return lcg >>> 1;
    }

    private double nextRatio() {
        return (next() % 1_000_000) / 999_983.0;
    }

    private void record(List<Counter> counters, List<LatencyRecorder> busy) {
        for (Counter c : counters) {
            c.add(next() % 5_000);
        }
        for (LatencyRecorder l : busy) {
            for (int k = 0; k < 20; k++) {
                l.record(100_000 + next() % 50_000_000); // 0.1 ms to 50 ms
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void writeRows() throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8));
        MetricsCsv.write(recorder, durationNanos, out);
    }
}
