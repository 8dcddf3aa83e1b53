package io.stormglass.experiment.calibration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * {@code calibration.json}: every compared figure with snake_case keys, for scripts and CI trends.
 * A figure that does not exist (no published value, no simulated value, an open tolerance end) is
 * {@code null}; nothing but {@code wall_seconds} depends on the machine.
 */
public final class CalibrationJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CalibrationJson() {
    }

    public static void write(List<ReferenceResult> results, boolean full, Writer out) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("budget", full ? "full" : "quick");
        long total = results.stream().mapToLong(r -> r.rows().size()).sum();
        long bad = results.stream().mapToLong(ReferenceResult::outOfTolerance).sum();
        root.put("rows", total);
        root.put("out_of_tolerance", bad);
        ArrayNode refs = root.putArray("references");
        for (ReferenceResult r : results) {
            ObjectNode o = refs.addObject();
            o.put("id", r.id());
            o.put("title", r.title());
            o.put("wall_seconds", Math.round(r.wallSeconds() * 10) / 10.0);
            ArrayNode rows = o.putArray("rows");
            for (CalibrationRow row : r.rows()) {
                ObjectNode x = rows.addObject();
                x.put("experiment", row.experiment());
                x.put("quantity", row.quantity());
                x.put("unit", row.unit());
                number(x, "published", row.published());
                number(x, "simulated", row.simulated());
                number(x, "ratio", row.ratio());
                number(x, "tolerance_low", row.tolerance().low());
                number(x, "tolerance_high", row.tolerance().high());
                x.put("tolerance", row.tolerance().text());
                x.put("within_tolerance", row.withinTolerance());
                x.put("source", row.source());
            }
        }
        JSON.writeValue(out, root);
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}
