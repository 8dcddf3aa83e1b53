package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.engine.metrics.Metric;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every series the shipped Grafana dashboard queries is one that {@code stormglass export} writes. */
class GrafanaDashboardTest {
    private static final Pattern NAME = Pattern.compile("\\b([a-z][a-z0-9_]*)(?=\\s*[{\\[)]|\\s*$|\\s*[-/])");
    private static final Set<String> FUNCTIONS = Set.of("increase", "rate", "max", "sum", "by");

    @Test
    void theDashboardQueriesOnlyExportedSeries() throws Exception {
        JsonNode dash = new ObjectMapper().readTree(Path.of("../docs/grafana/stormglass-etcd.json").toFile());
        Set<String> exported = new HashSet<>();
        for (Metric m : Metric.values()) {
            exported.add(m.exportedName());
        }
        exported.add("stormglass_leader_changes_total");
        Set<String> queried = new TreeSet<>();
        int panels = 0;
        for (JsonNode panel : dash.get("panels")) {
            if (!panel.has("targets")) {
                continue;
            }
            panels++;
            assertEquals("${datasource}", panel.get("datasource").get("uid").asText(), panel.get("title").asText());
            for (JsonNode t : panel.get("targets")) {
                Matcher m = NAME.matcher(t.get("expr").asText().replaceAll("\"[^\"]*\"", "\"\""));
                while (m.find()) {
                    if (!FUNCTIONS.contains(m.group(1))) {
                        queried.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(panels >= 10, "etcd's panels and the disk and neighbour panels: " + panels);
        for (String name : queried) {
            assertTrue(exported.contains(name), name + " is not a series stormglass export writes");
        }
        assertTrue(queried.containsAll(Set.of("etcd_server_leader_changes_seen_total", "etcd_disk_wal_fsync_duration_seconds",
                "etcd_disk_backend_commit_duration_seconds", "etcd_server_proposals_applied_total", "disk_utilisation_ratio",
                "disk_busy_nanos_total")), queried.toString());
    }
}
