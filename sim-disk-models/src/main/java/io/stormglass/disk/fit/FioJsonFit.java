package io.stormglass.disk.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads latency distributions from fio's {@code --output-format=json} report (fio 3.x): for the
 * first job, {@code write.clat_ns} (completion latency of the writes) and {@code sync.lat_ns}
 * (latency of the fsync/fdatasync calls that {@code --fdatasync=1} issues). Each has
 * {@code min}, {@code max} and a {@code percentile} object whose keys are percent values such
 * as {@code "99.000000"} and whose values are nanoseconds. The curve runs from (0, min) through
 * the percentiles to (1, max).
 */
public final class FioJsonFit {
    /** The fitted write and sync curves; {@code sync} is null when the job did not sync. */
    public record Fit(QuantileCurve write, QuantileCurve sync) {
    }

    private FioJsonFit() {
    }

    public static Fit parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not fio JSON: " + e.getMessage(), e);
        }
        JsonNode job = root.path("jobs").path(0);
        if (job.isMissingNode()) {
            throw new IllegalArgumentException("fio JSON has no jobs");
        }
        QuantileCurve write = curve(job.path("write").path("clat_ns"), "write.clat_ns");
        JsonNode sync = job.path("sync").path("lat_ns");
        return new Fit(write, sync.isMissingNode() || sync.path("N").asLong(1) == 0 ? null : curve(sync, "sync.lat_ns"));
    }

    private static QuantileCurve curve(JsonNode lat, String where) {
        JsonNode percentiles = lat.path("percentile");
        if (!percentiles.isObject()) {
            throw new IllegalArgumentException("fio JSON lacks " + where + ".percentile");
        }
        List<double[]> points = new ArrayList<>();
        if (lat.has("min")) {
            points.add(new double[] {0.0, lat.get("min").asDouble()});
        }
        List<double[]> listed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = percentiles.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            listed.add(new double[] {Double.parseDouble(e.getKey()) / 100.0, e.getValue().asDouble()});
        }
        listed.sort((a, b) -> Double.compare(a[0], b[0]));
        points.addAll(listed);
        if (lat.has("max")) {
            points.add(new double[] {1.0, lat.get("max").asDouble()});
        }
        return QuantileCurve.fromPoints(points);
    }
}
