package io.stormglass.engine.metrics;

import java.util.Map;
import java.util.TreeMap;

/**
 * A metric name with labels, such as {@code etcd_disk_wal_fsync_duration_seconds{member="n1"}}.
 * Labels are kept sorted by key, so equal ids print and compare equally; ids order by name,
 * then labels, which gives reports a stable order.
 *
 * @param name   the metric name (Prometheus style, snake_case)
 * @param labels canonical label text {@code k1=v1,k2=v2} sorted by key, empty if none
 */
public record MetricId(String name, String labels) implements Comparable<MetricId> {
    public MetricId {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("metric needs a name");
        }
        labels = labels == null ? "" : labels;
    }

    /** An id from a name and alternating label keys and values. */
    public static MetricId of(String name, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in key/value pairs: " + String.join(",", keyValues));
        }
        Map<String, String> sorted = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            sorted.put(keyValues[i], keyValues[i + 1]);
        }
        StringBuilder text = new StringBuilder();
        sorted.forEach((k, v) -> text.append(text.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return new MetricId(name, text.toString());
    }

    /** The label values by key. */
    public Map<String, String> labelMap() {
        Map<String, String> map = new TreeMap<>();
        if (!labels.isEmpty()) {
            for (String pair : labels.split(",")) {
                int eq = pair.indexOf('=');
                map.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return map;
    }

    /** The value of label {@code key}, or null. */
    public String label(String key) {
        return labelMap().get(key);
    }

    @Override
    public int compareTo(MetricId o) {
        int c = name.compareTo(o.name);
        return c != 0 ? c : labels.compareTo(o.labels);
    }

    @Override
    public String toString() {
        return labels.isEmpty() ? name : name + "{" + labels + "}";
    }
}
