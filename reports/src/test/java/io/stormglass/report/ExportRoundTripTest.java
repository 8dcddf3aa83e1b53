package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.export.EventsJsonl;
import io.stormglass.report.export.MetricsCsv;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportRoundTripTest {
    @Test
    void eventsJsonlReadsBackEqualEvents() throws Exception {
        RunRecord run = SyntheticRun.incident().build();
        List<TimelineEvent> events = run.recorder().timeline().events();
        StringWriter out = new StringWriter();
        EventsJsonl.write(events, out);
        String text = out.toString();
        assertEquals(events.size(), text.lines().count());
        assertEquals(events, EventsJsonl.read(new StringReader(text)));
        // snake_case keys, seconds without exponent, members as n<id>
        assertTrue(text.contains("{\"time_s\":41.35,\"type\":\"role_changed\",\"member\":\"n2\",\"role\":\"leader\","
                + "\"term\":3}"), text.lines().filter(l -> l.contains("41.35")).toList().toString());
        assertTrue(text.contains("\"type\":\"warning\",\"member\":\"n1\",\"message\":\"slow fdatasync\","
                + "\"fields\":{\"expected-duration\":\"1s\",\"took\":\"2.14s\"}"));
        assertTrue(text.contains("\"from_leader\":\"n2\",\"to_leader\":null"));
    }

    @Test
    void eventsJsonlKeepsNanosecondsAndOddText() throws Exception {
        List<TimelineEvent> events = List.of(
                new TimelineEvent.ActivityMarked(1, "prometheus", "head \"block\"\n, write", true),
                new TimelineEvent.FaultChanged(7_200_000_000_001L, "disk/n1", "stall 60s", false),
                new TimelineEvent.WarningLogged(0, 0, "ünïcode ✓", Map.of()),
                new TimelineEvent.ElectionStarted(999_999_999L, 12, Long.MAX_VALUE, true),
                new TimelineEvent.VotersChanged(150_003_363_808L, List.of(4, 1, 2)));
        StringWriter out = new StringWriter();
        EventsJsonl.write(events, out);
        assertTrue(out.toString().startsWith("{\"time_s\":0.000000001,"), out.toString());
        assertTrue(out.toString().contains("\"time_s\":7200.000000001,"));
        assertTrue(out.toString().contains("\"type\":\"voters_changed\",\"voters\":[\"n1\",\"n2\",\"n4\"]"), out.toString());
        assertEquals(events, EventsJsonl.read(new StringReader(out.toString())));
    }

    @Test
    void metricsCsvIsTidyAndReadsBackTheRecordedValues() throws Exception {
        RunRecord run = SyntheticRun.incident().build();
        Recorder recorder = run.recorder();
        // a label with a comma and a quote must survive CSV quoting
        recorder.counter(MetricId.of("client_errors_total", "error", "odd, \"quoted\" text"));
        StringWriter out = new StringWriter();
        MetricsCsv.write(recorder, run.simulatedDurationNanos(), out);
        List<MetricsCsv.Row> rows = MetricsCsv.read(new StringReader(out.toString()));

        assertTrue(out.toString().startsWith(MetricsCsv.HEADER + "\n"));
        long puts = rows.stream().filter(r -> r.metric().equals("client_requests_total") && r.labels().equals("op=put"))
                .mapToLong(r -> (long) r.value()).sum();
        assertEquals(recorder.counter(MetricId.of("client_requests_total", "op", "put")).total(), puts);
        assertEquals(120, rows.stream().filter(r -> r.metric().equals("client_requests_total")
                && r.labels().equals("op=put")).count(), "one row per 1 s window of the 120 s run");
        assertTrue(rows.stream().anyMatch(r -> r.labels().equals("error=odd, \"quoted\" text")));

        LatencyRecorder fsync = recorder.latency(MetricId.of("etcd_disk_wal_fsync_duration_seconds", "member", "n1"));
        MetricsCsv.Row max42 = rows.stream().filter(r -> r.metric().equals("etcd_disk_wal_fsync_duration_seconds")
                && r.labels().equals("member=n1") && r.statistic().equals("max_s")
                && r.windowStartSeconds().compareTo(new BigDecimal(42)) == 0).findFirst().orElseThrow();
        assertEquals(fsync.windowRow(42)[LatencyRecorder.MAX] / 1e9, max42.value(), 1e-12);
        assertEquals(2.14, max42.value(), 1e-9, "the stalled fdatasync");
        assertEquals(0, max42.windowEndSeconds().compareTo(new BigDecimal(43)));

        MetricsCsv.Row util = rows.stream().filter(r -> r.metric().equals("disk_utilisation_ratio")
                && r.labels().equals("device=ceph-n1") && r.windowStartSeconds().intValue() == 41).findFirst().orElseThrow();
        assertEquals(1.0, util.value(), 0);
    }

    @Test
    void emptyLatencyWindowsHaveOnlyACountAndThePartialLastWindowEndsWithTheRun() throws Exception {
        Simulation sim = new Simulation();
        Recorder recorder = new Recorder(sim);
        LatencyRecorder l = recorder.latency(MetricId.of("x_seconds"));
        recorder.start();
        sim.scheduleAt(500_000_000L, io.stormglass.engine.event.EventKind.named("t"), 0, () -> l.record(3_000_000));
        sim.runUntil(2_250_000_000L);
        recorder.closePartialWindow();
        StringWriter out = new StringWriter();
        MetricsCsv.write(recorder, 2_250_000_000L, out);
        // window percentiles are the engine's 2-significant-digit HdrHistogram buckets (highest equivalent value)
        assertEquals(List.of(MetricsCsv.HEADER,
                "0,1,x_seconds,,count,1",
                "0,1,x_seconds,,mean_s,0.003",
                "0,1,x_seconds,,p50_s,0.003014655",
                "0,1,x_seconds,,p90_s,0.003014655",
                "0,1,x_seconds,,p99_s,0.003014655",
                "0,1,x_seconds,,p999_s,0.003014655",
                "0,1,x_seconds,,max_s,0.003",
                "1,2,x_seconds,,count,0",
                "2,2.25,x_seconds,,count,0"), out.toString().lines().toList());
    }

    @Test
    void aRunLongerThanTheRowBudgetIsWrittenInMergedAlignedWindows() throws Exception {
        Simulation sim = new Simulation();
        Recorder recorder = new Recorder(sim);
        io.stormglass.engine.metrics.Counter c = recorder.counter(MetricId.of("ticks_total"));
        LatencyRecorder l = recorder.latency(MetricId.of("x_seconds"));
        recorder.start();
        for (int s = 0; s < 10; s++) {
            long t = s * 1_000_000_000L + 1;
            long latency = (s + 1) * 1_000_000L;
            sim.scheduleAt(t, io.stormglass.engine.event.EventKind.named("t"), 0, () -> {
                c.increment();
                l.record(latency);
            });
        }
        sim.runUntil(10_000_000_000L);
        recorder.closePartialWindow();
        StringWriter out = new StringWriter();
        // 10 windows of 8 rows each (one counter, one latency series) in at most 24 rows: merged by 4
        MetricsCsv.write(recorder, 10_000_000_000L, 24, out);
        List<MetricsCsv.Row> rows = MetricsCsv.read(new StringReader(out.toString()));
        List<String> increases = rows.stream().filter(r -> r.statistic().equals("increase"))
                .map(r -> r.windowStartSeconds() + "-" + r.windowEndSeconds() + ":" + (long) r.value()).toList();
        assertEquals(List.of("0-4:4", "4-8:4", "8-10:2"), increases);
        MetricsCsv.Row lastMax = rows.stream().filter(r -> r.statistic().equals("max_s")).reduce((a, b) -> b).orElseThrow();
        assertEquals(0.010, lastMax.value(), 1e-12, "the merged window's max is the largest of its windows'");
        MetricsCsv.Row firstMean = rows.stream().filter(r -> r.statistic().equals("mean_s")).findFirst().orElseThrow();
        assertEquals(0.0025, firstMean.value(), 1e-12, "the mean of 1, 2, 3 and 4 ms, weighted by count");
    }
}
