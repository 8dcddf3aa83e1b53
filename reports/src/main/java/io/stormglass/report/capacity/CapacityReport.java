package io.stormglass.report.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.report.internal.capacity.CapacityHtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a capacity study: {@code capacity-report.html} (self-contained: charts inline as SVG)
 * and {@code capacity.json} (every step's figures, for scripts and notebooks). Both are
 * functions of the study alone: the same study gives the same bytes.
 */
public final class CapacityReport {
    public static final String HTML = "capacity-report.html";
    public static final String JSON = "capacity.json";

    private CapacityReport() {
    }

    /** Writes both files into {@code dir} (which must exist) and returns the HTML page's path. */
    public static Path write(CapacityStudy study, Path dir) throws IOException {
        Path html = dir.resolve(HTML);
        Files.writeString(html, CapacityHtml.render(study), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(JSON), json(study), StandardCharsets.UTF_8);
        return html;
    }

    /** The study as JSON: profiles with their outcome and steps; latencies in milliseconds, utilisations 0..1. */
    public static String json(CapacityStudy study) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", study.name());
        root.put("description", study.description());
        root.put("workload", study.workload());
        study.slo().forEach(root.putArray("slo")::add);
        root.put("current_load_per_s", study.currentLoadPerSecond());
        root.put("monthly_growth", study.monthlyGrowth());
        ArrayNode profiles = root.putArray("profiles");
        for (ProfileOutcome p : study.profiles()) {
            ObjectNode o = profiles.addObject();
            o.put("name", p.name());
            o.put("max_sustainable_per_s", p.maxSustainablePerSecond());
            o.put("ramp_exhausted", p.rampExhausted());
            putNumber(o, "knee_per_s", p.kneePerSecond());
            o.put("bottleneck", p.bottleneck().name().toLowerCase(java.util.Locale.ROOT));
            o.put("bottleneck_detail", p.bottleneckDetail());
            o.put("growth_month_slo_missed", GrowthProjection.monthSloMissed(study.currentLoadPerSecond(),
                    study.monthlyGrowth(), p.maxSustainablePerSecond()));
            ObjectNode disk = o.putObject("disk_check");
            disk.put("fdatasync_p99_ms", p.disk().fdatasyncP99Ms());
            disk.put("iops", p.disk().iops());
            disk.put("verdict", p.disk().text());
            ArrayNode steps = o.putArray("steps");
            for (CapacityStep s : p.steps()) {
                ObjectNode st = steps.addObject();
                st.put("offered_per_s", s.offeredPerSecond());
                st.put("achieved_per_s", s.achievedPerSecond());
                putNumber(st, "put_p50_ms", s.putP50Ms());
                putNumber(st, "put_p99_ms", s.putP99Ms());
                putNumber(st, "get_p50_ms", s.getP50Ms());
                putNumber(st, "get_p99_ms", s.getP99Ms());
                putNumber(st, "wal_fsync_p99_ms", s.walFsyncP99Ms());
                st.put("error_ratio", s.errorRatio());
                st.put("leader_changes", s.leaderChanges());
                ObjectNode u = st.putObject("utilisation");
                s.utilisation().forEach((r, v) -> u.put(r.name().toLowerCase(java.util.Locale.ROOT), v));
                s.violations().forEach(st.putArray("slo_violations")::add);
            }
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
