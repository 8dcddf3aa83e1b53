package io.stormglass.scenario.load;

import io.stormglass.scenario.yaml.MapReader;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What binders share beyond reading single keys (which {@link io.stormglass.scenario.schema.Key}
 * does): the word that decides a mapping's other keys, and record constructors whose own checks
 * become located problems instead of exceptions.
 */
final class Fields {
    private Fields() {
    }

    /**
     * The word under {@code key} that decides what the other keys of the mapping mean (a disk's
     * {@code model}, a neighbour's {@code kind}); null if it is missing or not one of
     * {@code choices}, after recording the problem and accepting the other keys, which cannot be
     * judged without it.
     */
    static String kind(MapReader m, String key, Map<String, String> choices) {
        String kind = m.require(key, "one of " + String.join(", ", choices.keySet())) ? m.choice(key, choices, null) : null;
        if (kind == null) {
            m.acceptRest();
        }
        return kind;
    }

    /**
     * Builds a record; if its constructor refuses the values, records the refusal as a problem at
     * {@code key} of {@code r} and returns {@code fallback}.
     */
    static <T> T build(MapReader r, String key, Supplier<T> constructor, T fallback) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null) { // null: the reason was recorded already
                r.problem(key, e.getMessage());
            }
            return fallback;
        }
    }
}
