package io.stormglass.scenario.load;

import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.Problems;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlReader;
import io.stormglass.scenario.yaml.YamlTrees;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Applies command-line overrides {@code --set key.path=value} to a scenario tree, in order.
 *
 * <p>The value is a scalar as written ({@code 50ms}, {@code true}, {@code 3}); a value starting
 * with {@code [} or <code>{</code> is read as a YAML flow list or mapping, so that
 * {@code --set faults=[]} or <code>--set network.latency={distribution: constant, value: 5ms}</code>
 * work; an empty value removes the key (its default applies). Problems are located in the file
 * {@code --set}, line n for the n-th override, so that a misspelt path reads
 * {@code --set:1:1: cluster.heartbeat-intervl: unknown key (did you mean ...)}.
 */
final class SetOverrides {
    static final String ORIGIN = "--set";
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    /** Longest key path accepted (the longest real one is under 60 characters). */
    static final int MAX_PATH_CHARS = 200;

    private SetOverrides() {
    }

    static YamlNode.YamlMap apply(YamlNode.YamlMap root, List<String> sets) {
        Problems problems = new Problems();
        YamlNode current = root;
        for (int i = 0; i < sets.size(); i++) {
            String set = sets.get(i);
            Location at = new Location(ORIGIN, i + 1, 1);
            int eq = set.indexOf('=');
            String path = eq < 0 ? set : set.substring(0, eq).trim();
            if (path.length() > MAX_PATH_CHARS) {
                // checked before the pattern, whose matching recurses once per part
                problems.add(at, "", "expected a key path of at most " + MAX_PATH_CHARS + " characters, got " + Quote.of(path));
                continue;
            }
            if (eq <= 0 || !PATH.matcher(path).matches()) {
                problems.add(at, "", "expected key.path=value (such as cluster.heartbeat-interval=50ms), got " + Quote.of(set));
                continue;
            }
            if (path.equals("extends")) {
                problems.add(at, path, "extends cannot be set from the command line; name the extending file instead");
                continue;
            }
            try {
                current = YamlTrees.set(current, path, "", at);
                current = replaceLeaf(current, path.split("\\."), 0, value(set.substring(eq + 1).trim(), at));
            } catch (ScenarioException e) {
                e.problems().forEach(p -> problems.add(p.location(), p.keyPath(), p.message()));
            }
        }
        problems.throwIfAny();
        return (YamlNode.YamlMap) current;
    }

    private static YamlNode value(String text, Location at) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            return relocate(YamlReader.read(ORIGIN, text), at);
        }
        return new YamlNode.YamlScalar(at, text, false);
    }

    /** Places every node of a value parsed from the command line at the override's location. */
    private static YamlNode relocate(YamlNode node, Location at) {
        if (node instanceof YamlNode.YamlMap m) {
            var entries = new LinkedHashMap<String, YamlNode.Entry>();
            m.entries().forEach((k, e) -> entries.put(k, new YamlNode.Entry(k, at, relocate(e.value(), at))));
            return new YamlNode.YamlMap(at, entries);
        }
        if (node instanceof YamlNode.YamlList l) {
            return new YamlNode.YamlList(at, l.items().stream().map(n -> relocate(n, at)).toList());
        }
        if (node instanceof YamlNode.YamlScalar s) {
            return new YamlNode.YamlScalar(at, s.text(), s.quoted());
        }
        return new YamlNode.YamlNull(at);
    }

    /**
     * Replaces the node at {@code parts} (which {@link YamlTrees#set} has just created) by
     * {@code value}, or removes the key if {@code value} is null.
     */
    private static YamlNode replaceLeaf(YamlNode node, String[] parts, int i, YamlNode value) {
        YamlNode.YamlMap map = (YamlNode.YamlMap) node;
        var entries = new LinkedHashMap<>(map.entries());
        YamlNode.Entry e = entries.get(parts[i]);
        if (i == parts.length - 1) {
            if (value == null) {
                entries.remove(parts[i]);
            } else {
                entries.put(parts[i], new YamlNode.Entry(parts[i], e.keyLocation(), value));
            }
            return new YamlNode.YamlMap(map.location(), entries);
        }
        entries.put(parts[i], new YamlNode.Entry(parts[i], e.keyLocation(), replaceLeaf(e.value(), parts, i + 1, value)));
        return new YamlNode.YamlMap(map.location(), entries);
    }
}
