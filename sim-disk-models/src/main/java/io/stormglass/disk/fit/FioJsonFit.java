package io.stormglass.disk.fit;

import com.fasterxml.jackson.databind.JsonNode;
import io.stormglass.disk.InputFormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads latency distributions from fio's {@code --output-format=json} report: for the first job,
 * the completion latency of the writes and the latency of the fsync/fdatasync calls that
 * {@code --fdatasync=1} issues. Each latency object has {@code min}, {@code max} and a
 * {@code percentile} object whose keys are percent values such as {@code "99.000000"}; the curve
 * runs from (0, min) through the percentiles to (1, max).
 *
 * <p>Units as fio writes them: fio 3.x reports {@code write.clat_ns} and {@code sync.lat_ns} in
 * nanoseconds; {@code _us} and {@code _ms} objects are read in micro- and milliseconds; fio 2.x's
 * {@code write.clat} and {@code sync.lat} (no suffix) are in microseconds. When several are present
 * the first of ns, us, ms, none is read.
 *
 * <p>Checked before anything is fitted, each failure an {@link InputFormatException} at the line
 * and column of the offending key or value, naming its JSON path: the report is a JSON object with
 * a non-empty {@code jobs} list; percent keys are numbers from 0 to 100; latencies are finite,
 * non-negative numbers within 400 days; percentiles do not decrease as the percent rises; min is
 * not above max. (fio's percentiles are bucket bounds, so the highest may pass {@code max}
 * slightly; that is not an error, the curve keeps the larger.)
 */
public final class FioJsonFit {
    /** The longest latency accepted, in nanoseconds (400 days, Stormglass's limit for any duration). */
    static final double MAX_LATENCY_NANOS = 400 * 86_400e9;
    private static final String[] SUFFIXES = {"_ns", "_us", "_ms", ""};
    private static final double[] NANOS_PER_UNIT = {1, 1e3, 1e6, 1e3};

    /** The fitted write and sync curves; {@code sync} is null when the job did not sync. */
    public record Fit(QuantileCurve write, QuantileCurve sync) {
    }

    private final String text;

    private FioJsonFit(String text) {
        this.text = text;
    }

    /**
     * Fits the report in {@code json}.
     *
     * @throws InputFormatException where the report is malformed or its numbers impossible
     */
    public static Fit parse(String json) {
        return new FioJsonFit(json).fit(JsonText.read(json));
    }

    private Fit fit(JsonNode root) {
        if (!root.isObject()) {
            throw fail(List.of(), false, "expected fio's JSON report (an object with a jobs list), got " + describe(root));
        }
        JsonNode jobs = root.path("jobs");
        if (!jobs.isArray() || jobs.isEmpty()) {
            List<Object> at = jobs.isMissingNode() ? List.of() : List.of("jobs");
            throw fail(at, false, "expected a non-empty list of jobs, got " + (jobs.isMissingNode() ? "none" : describe(jobs)));
        }
        JsonNode job = jobs.get(0);
        List<Object> jobPath = List.of("jobs", 0);
        if (!job.isObject()) {
            throw fail(jobPath, false, "expected a job (an object), got " + describe(job));
        }
        QuantileCurve write = curve(job, jobPath, "write", "clat", true);
        QuantileCurve sync = synced(job.path("sync")) ? curve(job, jobPath, "sync", "lat", false) : null;
        return new Fit(write, sync);
    }

    /** Whether the job has sync latencies ({@code N} is 0 or the object is missing when it did not sync). */
    private static boolean synced(JsonNode sync) {
        if (!sync.isObject()) {
            return false;
        }
        for (String suffix : SUFFIXES) {
            JsonNode lat = sync.path("lat" + suffix);
            if (lat.isObject()) {
                return lat.path("N").asLong(1) != 0;
            }
        }
        return false;
    }

    /** The curve of {@code job.<direction>.<name><suffix>}; a missing one is an error only if {@code required}. */
    private QuantileCurve curve(JsonNode job, List<Object> jobPath, String direction, String name, boolean required) {
        JsonNode dir = job.path(direction);
        for (int u = 0; u < SUFFIXES.length; u++) {
            JsonNode lat = dir.path(name + SUFFIXES[u]);
            if (lat.isObject()) {
                return curve(lat, path(jobPath, direction, name + SUFFIXES[u]), NANOS_PER_UNIT[u]);
            }
        }
        if (required) {
            throw fail(dir.isObject() ? path(jobPath, direction) : jobPath, false,
                    "expected " + direction + "." + name + "_ns (fio 3) or " + direction + "." + name + " (fio 2) with percentiles, got none");
        }
        return null;
    }

    private QuantileCurve curve(JsonNode lat, List<Object> at, double nanosPerUnit) {
        JsonNode percentiles = lat.path("percentile");
        if (!percentiles.isObject() || percentiles.isEmpty()) {
            throw fail(percentiles.isMissingNode() ? at : path(at, "percentile"), false,
                    "expected percentiles such as {\"99.000000\": 8000000}, got " + describe(percentiles));
        }
        List<double[]> points = new ArrayList<>();
        Double min = lat.has("min") ? nanos(lat.get("min"), path(at, "min"), nanosPerUnit) : null;
        Double max = lat.has("max") ? nanos(lat.get("max"), path(at, "max"), nanosPerUnit) : null;
        if (min != null && max != null && min > max) {
            throw fail(path(at, "min"), false, "must not be above max (" + plain(max / nanosPerUnit) + "), got " + plain(min / nanosPerUnit));
        }
        List<double[]> listed = percentilePoints(percentiles, path(at, "percentile"), nanosPerUnit);
        if (min != null) {
            points.add(new double[] {0.0, min});
        }
        points.addAll(listed);
        if (max != null) {
            points.add(new double[] {1.0, max});
        }
        return QuantileCurve.fromPoints(points);
    }

    /** The percentiles as (probability, nanos), sorted by probability and checked not to decrease. */
    private List<double[]> percentilePoints(JsonNode percentiles, List<Object> at, double nanosPerUnit) {
        List<double[]> listed = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (var it = percentiles.fields(); it.hasNext();) {
            var e = it.next();
            double percent = percent(e.getKey(), path(at, e.getKey()));
            listed.add(new double[] {percent / 100.0, nanos(e.getValue(), path(at, e.getKey()), nanosPerUnit)});
            keys.add(e.getKey());
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Double.compare(listed.get(a)[0], listed.get(b)[0]));
        List<double[]> sorted = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            double[] p = listed.get(order.get(k));
            if (k > 0) {
                double[] prev = sorted.get(k - 1);
                String prevKey = keys.get(order.get(k - 1));
                if (p[1] < prev[1]) {
                    throw fail(path(at, keys.get(order.get(k))), false, "percentiles must not decrease: below the " + prevKey
                            + " percentile (" + plain(prev[1] / nanosPerUnit) + "), got " + plain(p[1] / nanosPerUnit));
                }
            }
            sorted.add(p);
        }
        return sorted;
    }

    /** A percent key: a decimal number from 0 to 100. */
    private double percent(String key, List<Object> at) {
        if (key.length() > 40 || !key.matches("[0-9]+(\\.[0-9]+)?")) {
            throw fail(at, true, "expected a percent from 0 to 100 such as \"99.000000\", got " + InputFormatException.quote(key));
        }
        double percent = Double.parseDouble(key);
        if (percent > 100) {
            throw fail(at, true, "must be at most 100 (a percent), got " + InputFormatException.quote(key));
        }
        return percent;
    }

    /** A latency in the object's unit, as nanoseconds: a finite number, not negative, at most 400 days. */
    private double nanos(JsonNode value, List<Object> at, double nanosPerUnit) {
        if (!value.isNumber()) {
            throw fail(at, false, "expected a latency (a number), got " + describe(value));
        }
        double v = value.asDouble();
        if (!Double.isFinite(v) || v * nanosPerUnit > MAX_LATENCY_NANOS) {
            throw fail(at, false, "must be at most 400 days, got " + InputFormatException.quote(value.asText()));
        }
        if (v < 0) {
            throw fail(at, false, "a latency must not be negative, got " + InputFormatException.quote(value.asText()));
        }
        return v * nanosPerUnit;
    }

    private InputFormatException fail(List<Object> at, boolean atKey, String message) {
        int[] place = JsonText.locate(text, at, atKey);
        return new InputFormatException(place[0], place[1], JsonText.show(at), message);
    }

    private static List<Object> path(List<Object> base, Object... more) {
        List<Object> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String describe(JsonNode n) {
        if (n.isMissingNode()) {
            return "none";
        }
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return n.isEmpty() ? "an empty list" : "a list";
        }
        if (n.isTextual()) {
            return "the text " + InputFormatException.quote(n.asText());
        }
        return n.isNull() ? "null" : InputFormatException.quote(n.asText());
    }
}
