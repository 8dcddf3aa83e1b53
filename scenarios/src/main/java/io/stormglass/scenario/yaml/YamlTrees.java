package io.stormglass.scenario.yaml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Operations on YAML trees used to compose scenarios: {@code extends:} overlays and command-line
 * {@code --set path=value} overrides.
 */
public final class YamlTrees {
    private YamlTrees() {
    }

    /**
     * Overlays {@code over} on {@code base}: mappings merge key by key (recursively), anything
     * else in {@code over} replaces what {@code base} had. Locations of overriding nodes are kept,
     * so errors point at the file that set the value.
     */
    public static YamlNode overlay(YamlNode base, YamlNode over) {
        if (base instanceof YamlNode.YamlMap b && over instanceof YamlNode.YamlMap o) {
            Map<String, YamlNode.Entry> merged = new LinkedHashMap<>(b.entries());
            for (YamlNode.Entry e : o.entries().values()) {
                YamlNode.Entry existing = merged.get(e.key());
                YamlNode value = existing == null ? e.value() : overlay(existing.value(), e.value());
                merged.put(e.key(), new YamlNode.Entry(e.key(), e.keyLocation(), value));
            }
            return new YamlNode.YamlMap(o.location(), merged);
        }
        return over;
    }

    /**
     * Sets the scalar at a dotted path ({@code cluster.heartbeat-interval}), creating mappings
     * along the way. {@code origin} names where the override came from in later errors.
     */
    public static YamlNode set(YamlNode root, String dottedPath, String value, Location origin) {
        String[] parts = dottedPath.split("\\.", -1);
        if (parts.length > YamlReader.MAX_DEPTH) {
            throw new ScenarioException(new ScenarioProblem(origin, "", "a key path nests deeper than " + YamlReader.MAX_DEPTH
                    + " levels, got " + io.stormglass.scenario.units.Quote.of(dottedPath)));
        }
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new ScenarioException(new ScenarioProblem(origin, dottedPath, "empty key in path"));
            }
        }
        return setAt(root, parts, 0, new YamlNode.YamlScalar(origin, value, false), origin);
    }

    private static YamlNode setAt(YamlNode node, String[] parts, int i, YamlNode value, Location origin) {
        if (i == parts.length) {
            return value;
        }
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        Location at = origin;
        if (node instanceof YamlNode.YamlMap m) {
            entries.putAll(m.entries());
            at = m.location();
        } else if (node != null && !(node instanceof YamlNode.YamlNull)) {
            throw new ScenarioException(new ScenarioProblem(origin, String.join(".", java.util.Arrays.copyOf(parts, i)),
                    "cannot set a key inside " + node.describe()));
        }
        YamlNode.Entry existing = entries.get(parts[i]);
        YamlNode child = setAt(existing == null ? null : existing.value(), parts, i + 1, value, origin);
        entries.put(parts[i], new YamlNode.Entry(parts[i], existing == null ? origin : existing.keyLocation(), child));
        return new YamlNode.YamlMap(at, entries);
    }
}
