package io.stormglass.scenario.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree that remembers where each node stands. Scalars keep their text as
 * written, so that units ({@code 100ms}) and the difference between {@code "100"} and
 * {@code 100} are the binder's business, not the parser's.
 */
public sealed interface YamlNode {
    Location location();

    /** What this node is, in words, for error messages ("a mapping", "a list", "a value"). */
    String describe();

    /** A mapping; keys in document order. */
    record YamlMap(Location location, Map<String, Entry> entries) implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** One key of a mapping with where the key itself stands. */
    record Entry(String key, Location keyLocation, YamlNode value) {
    }

    record YamlList(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar.
     *
     * @param text   the value as written (without quotes)
     * @param quoted whether it was quoted (a quoted value is always a string)
     */
    record YamlScalar(Location location, String text, boolean quoted) implements YamlNode {
        @Override
        public String describe() {
            return io.stormglass.scenario.units.Quote.of(text);
        }
    }

    /** An explicit or empty null ({@code key:} with nothing after it, or {@code ~}). */
    record YamlNull(Location location) implements YamlNode {
        @Override
        public String describe() {
            return "nothing";
        }
    }
}
