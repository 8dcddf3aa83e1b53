package io.stormglass.scenario.yaml;

import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Seeds;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads the keys of one YAML mapping into typed values, recording a located problem for each
 * wrong type, bad unit or impossible value, and — on {@link #finish()} — for each key that was
 * never read (with a "did you mean" among the keys that were asked for).
 *
 * <p>Accessors never throw for user mistakes: they record the problem and return the default,
 * so one pass reports every mistake in the file.
 */
public final class MapReader {
    private final YamlNode.YamlMap map;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    public MapReader(YamlNode.YamlMap map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** Reads a document root, which must be a mapping. */
    public static MapReader root(YamlNode node, Problems problems) {
        if (node instanceof YamlNode.YamlMap m) {
            return new MapReader(m, "", problems);
        }
        problems.add(node.location(), "", "expected a mapping of scenario keys, got " + node.describe());
        return new MapReader(new YamlNode.YamlMap(node.location(), Map.of()), "", problems);
    }

    public String path() {
        return path;
    }

    public Location location() {
        return map.location();
    }

    public Problems problems() {
        return problems;
    }

    /** Whether the key is present (it then counts as known). */
    public boolean has(String key) {
        known.add(key);
        return map.entries().containsKey(key) && !(map.entries().get(key).value() instanceof YamlNode.YamlNull);
    }

    /** Keys present in the mapping, in document order. */
    public List<String> keys() {
        return new ArrayList<>(map.entries().keySet());
    }

    /** The dotted path of {@code key} in this mapping. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value under {@code key} as written, or null if absent. */
    public YamlNode nodeOf(String key) {
        YamlNode.Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    /** Where {@code key}'s value stands, or the mapping's location if absent. */
    public Location locationOf(String key) {
        YamlNode.Entry e = map.entries().get(key);
        return e == null ? map.location() : e.value().location();
    }

    public String string(String key, String defaultValue) {
        return scalar(key, "a text value", defaultValue, s -> s);
    }

    public Optional<String> optionalString(String key) {
        return has(key) ? Optional.ofNullable(string(key, null)) : Optional.empty();
    }

    public String requireString(String key) {
        return require(key, "a text value") ? string(key, "") : "";
    }

    public long durationNanos(String key, long defaultNanos) {
        return scalar(key, "a duration", defaultNanos, Units::durationNanos);
    }

    public long requireDurationNanos(String key) {
        return require(key, "a duration such as 100ms") ? durationNanos(key, 0) : 0;
    }

    /** A duration that may be negative ({@code -500ms}). */
    public long signedDurationNanos(String key, long defaultNanos) {
        return scalar(key, "a duration", defaultNanos, Units::signedDurationNanos);
    }

    /** Parts per million ({@code 500ppm}, {@code 0.05%}), possibly negative. */
    public long ppm(String key, long defaultPpm) {
        return scalar(key, "parts per million", defaultPpm, Units::ppm);
    }

    /** A fraction within [0, 1] ({@code 0.3} or {@code 30%}). */
    public double fraction(String key, double defaultValue) {
        return scalar(key, "a fraction", defaultValue, Units::fraction);
    }

    public long sizeBytes(String key, long defaultBytes) {
        return scalar(key, "a size", defaultBytes, Units::sizeBytes);
    }

    public double ratePerSecond(String key, double defaultRate) {
        return scalar(key, "a rate", defaultRate, Units::ratePerSecond);
    }

    public long bitsPerSecond(String key, long defaultBits) {
        return scalar(key, "a bandwidth", defaultBits, Units::bitsPerSecond);
    }

    public boolean bool(String key, boolean defaultValue) {
        return scalar(key, "true or false", defaultValue, s -> switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new UnitException("expected true or false, got " + Quote.of(s));
        });
    }

    /**
     * A name that becomes part of a folder name ({@code out/<name>-<seed>}): letters, digits,
     * {@code .}, {@code _} and {@code -}, starting with a letter or digit, at most 100 characters,
     * so that it is one safe path component (no separator, no {@code ..}, nothing invisible). When
     * the key is absent, {@code defaultValue} (a file's name) is made safe the same way.
     */
    public String folderName(String key, String defaultValue) {
        if (!has(key)) {
            // a default taken from a file name is made safe rather than refused: the user wrote no name
            String safe = defaultValue.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[._-]+", "");
            return safe.isEmpty() ? "unnamed" : safe.substring(0, Math.min(100, safe.length()));
        }
        String name = string(key, defaultValue);
        if (name == null || name.length() > 100 || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            problem(key, "expected letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100 characters "
                    + "(it names the output folder), got " + Quote.of(name));
            return defaultValue;
        }
        return name;
    }

    /** A seed, by the one rule of {@link Seeds}. */
    public long seed(String key, long defaultValue) {
        return scalar(key, Seeds.RULE, defaultValue, Seeds::parse);
    }

    /** An integer within {@code [min, max]}, in ASCII digits ({@code _} may group them). */
    public long integer(String key, long defaultValue, long min, long max) {
        return scalar(key, "an integer", defaultValue, s -> {
            String t = s.trim();
            if (t.length() > 30 || !t.matches("[+-]?[0-9][0-9_]*")) {
                throw new UnitException("expected an integer, got " + Quote.of(s));
            }
            BigInteger v = new BigInteger(t.replace("_", ""));
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                throw new UnitException("must be between " + min + " and " + max + ", got " + t);
            }
            return v.longValueExact();
        });
    }

    /** A finite number within {@code [min, max]}, written in decimal ({@code 0.5}, {@code 1e-3}). */
    public double number(String key, double defaultValue, double min, double max) {
        return scalar(key, "a number", defaultValue, s -> {
            String t = s.trim();
            if (t.length() > 40 || !t.matches("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]{1,3})?")) {
                throw new UnitException("expected a number, got " + Quote.of(s));
            }
            double v = new BigDecimal(t).doubleValue();
            if (!(v >= min && v <= max)) {
                throw new UnitException("must be between " + plain(min) + " and " + plain(max) + ", got " + t);
            }
            return v;
        });
    }

    /** {@code 1000.0} as {@code 1000}, {@code 0.001} as {@code 0.001}. */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** One of the given words (case-sensitive, as written in the docs). */
    public <T> T choice(String key, Map<String, T> choices, T defaultValue) {
        return scalar(key, "one of " + choices.keySet(), defaultValue, s -> {
            T v = choices.get(s);
            if (v == null) {
                String hint = Suggestions.closest(s, choices.keySet()).map(c -> " (did you mean " + c + "?)").orElse("");
                throw new UnitException("expected one of " + String.join(", ", choices.keySet()) + ", got " + Quote.of(s) + hint);
            }
            return v;
        });
    }

    /** The nested mapping under {@code key}, if present. */
    public Optional<MapReader> optionalMap(String key) {
        known.add(key);
        YamlNode.Entry e = map.entries().get(key);
        if (e == null || e.value() instanceof YamlNode.YamlNull) {
            return Optional.empty();
        }
        if (e.value() instanceof YamlNode.YamlMap m) {
            return Optional.of(new MapReader(m, keyPath(key), problems));
        }
        problems.add(e.value().location(), keyPath(key), "expected a mapping, got " + e.value().describe());
        return Optional.empty();
    }

    /** The nested mapping under {@code key}; an empty one (after recording a problem) if missing. */
    public MapReader requireMap(String key) {
        Optional<MapReader> m = optionalMap(key);
        if (m.isPresent()) {
            return m.get();
        }
        if (!map.entries().containsKey(key) || map.entries().get(key).value() instanceof YamlNode.YamlNull) {
            problems.add(map.location(), keyPath(key), "required mapping is missing");
        }
        return new MapReader(new YamlNode.YamlMap(map.location(), Map.of()), keyPath(key), problems);
    }

    /** The items of the list under {@code key} (empty if absent). */
    public List<YamlNode> list(String key) {
        known.add(key);
        YamlNode.Entry e = map.entries().get(key);
        if (e == null || e.value() instanceof YamlNode.YamlNull) {
            return List.of();
        }
        if (e.value() instanceof YamlNode.YamlList l) {
            return l.items();
        }
        problems.add(e.value().location(), keyPath(key), "expected a list, got " + e.value().describe());
        return List.of();
    }

    /** The list under {@code key} as mappings. */
    public List<MapReader> listOfMaps(String key) {
        List<MapReader> out = new ArrayList<>();
        List<YamlNode> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = keyPath(key) + "[" + i + "]";
            if (item instanceof YamlNode.YamlMap m) {
                out.add(new MapReader(m, itemPath, problems));
            } else {
                problems.add(item.location(), itemPath, "expected a mapping, got " + item.describe());
            }
        }
        return out;
    }

    /** The entries of the mapping under {@code key} whose values are mappings, by key in document order. */
    public Map<String, MapReader> mapOfMaps(String key) {
        Map<String, MapReader> out = new java.util.LinkedHashMap<>();
        optionalMap(key).ifPresent(m -> {
            for (YamlNode.Entry e : m.map.entries().values()) {
                m.known.add(e.key());
                if (e.value() instanceof YamlNode.YamlMap inner) {
                    out.put(e.key(), new MapReader(inner, m.keyPath(e.key()), problems));
                } else {
                    problems.add(e.value().location(), m.keyPath(e.key()), "expected a mapping, got " + e.value().describe());
                }
            }
        });
        return out;
    }

    /** Records a problem about {@code key}'s value. */
    public void problem(String key, String message) {
        problems.add(locationOf(key), keyPath(key), message);
    }

    /**
     * Counts every key as known: used once the key that decides the others (a disk's {@code model},
     * a neighbour's {@code kind}) is wrong, since the others cannot be judged then.
     */
    public void acceptRest() {
        known.addAll(map.entries().keySet());
    }

    /** Reports every key that no accessor asked for, with a suggestion among the known keys. */
    public void finish() {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                String hint = Suggestions.closest(e.key(), known).map(k -> " (did you mean '" + k + "'?)").orElse("");
                String expected = known.isEmpty() ? "" : "; expected one of: " + String.join(", ", new TreeSet<>(known));
                problems.add(e.keyLocation(), keyPath(e.key()), "unknown key" + hint + expected);
            }
        }
    }

    /**
     * Whether {@code key} is present; if not, records "required key is missing; expected ..."
     * at the mapping.
     */
    public boolean require(String key, String expected) {
        known.add(key);
        if (!has(key)) {
            problems.add(map.location(), keyPath(key), "required key is missing; expected " + expected);
            return false;
        }
        return true;
    }

    /** Records a problem about the mapping as a whole ({@code key} empty), or about {@code key} if it is absent from it. */
    public void problemHere(String key, String message) {
        // an empty key stands for the mapping itself ("ramp", not "ramp.")
        problems.add(map.location(), key.isEmpty() ? path : keyPath(key), message);
    }

    private <T> T scalar(String key, String expected, T defaultValue, Function<String, T> parse) {
        known.add(key);
        YamlNode.Entry e = map.entries().get(key);
        if (e == null || e.value() instanceof YamlNode.YamlNull) {
            return defaultValue;
        }
        if (!(e.value() instanceof YamlNode.YamlScalar s)) {
            problems.add(e.value().location(), keyPath(key), "expected " + expected + ", got " + e.value().describe());
            return defaultValue;
        }
        try {
            return parse.apply(s.text());
        } catch (UnitException ex) {
            problems.add(s.location(), keyPath(key), ex.getMessage());
            return defaultValue;
        }
    }
}
