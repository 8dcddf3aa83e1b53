package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.export.MetricsCsv;
import io.stormglass.report.export.MetricsTable;
import io.stormglass.report.export.OpenMetrics;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The synthetic incident's metrics.csv as OpenMetrics text, checked against the format's rules. */
class OpenMetricsExportTest {
    private static final long START = 1_767_225_600L; // 2026-01-01T00:00:00Z

    private static List<String> export() throws Exception {
        RunRecord run = SyntheticRun.incident().build();
        StringWriter csv = new StringWriter();
        MetricsCsv.write(run.recorder(), run.simulatedDurationNanos(), csv);
        MetricsTable table = MetricsTable.read(new StringReader(csv.toString()));
        StringWriter out = new StringWriter();
        java.util.TreeMap<String, double[]> timeline = new java.util.TreeMap<>();
        timeline.put("stormglass_leader_changes_total", new double[] {41.35, 91.4, 111.2});
        OpenMetrics.write(table, timeline, START, out);
        return List.of(out.toString().split("\n"));
    }

    @Test
    void familiesAreWholeSeriesAreInTimeOrderAndTheFileEnds() throws Exception {
        List<String> lines = export();
        assertEquals("# EOF", lines.get(lines.size() - 1));
        Set<String> finished = new HashSet<>();
        String family = null;
        Map<String, Double> lastStamp = new HashMap<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            if (line.startsWith("# TYPE ")) {
                String name = line.split(" ")[2];
                assertFalse(finished.contains(name), "family " + name + " appears twice");
                if (family != null) {
                    finished.add(family);
                }
                family = name;
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            assertTrue(line.startsWith(family), line + " belongs to " + family);
            String series = line.substring(0, line.lastIndexOf(' ', line.lastIndexOf(' ') - 1));
            double stamp = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            assertTrue(stamp > START && stamp <= START + 120, "simulated time from the start instant: " + line);
            Double previous = lastStamp.put(series, stamp);
            assertTrue(previous == null || previous < stamp, "time order within " + series);
        }
    }

    @Test
    void countersAreCumulativeAndLatenciesAreSummaries() throws Exception {
        List<String> lines = export();
        assertTrue(lines.contains("# TYPE etcd_server_heartbeat_send_failures counter"));
        List<Double> n1 = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("etcd_server_heartbeat_send_failures_total{member=\"n1\"} ")) {
                n1.add(Double.parseDouble(l.split(" ")[1]));
            }
        }
        assertEquals(10.0, n1.get(n1.size() - 1), "n1's ten late heartbeats, summed over the run");
        assertTrue(lines.contains("# TYPE etcd_disk_wal_fsync_duration_seconds summary"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("etcd_disk_wal_fsync_duration_seconds{member=\"n1\",quantile=\"1\"} 2.14")),
                "the 2.14 s stall is the maximum of its window");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("client_errors_total{error=\"context deadline exceeded\"}")),
                "label values are quoted");
        assertTrue(lines.contains("stormglass_leader_changes_total 0 " + (START + 41)), "none before the first change");
        assertTrue(lines.contains("stormglass_leader_changes_total 1 " + (START + 42)));
        assertTrue(lines.contains("stormglass_leader_changes_total 3 " + (START + 120)), "all three by the end");
    }
}
