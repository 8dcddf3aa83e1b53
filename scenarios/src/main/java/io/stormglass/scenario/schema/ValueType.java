package io.stormglass.scenario.schema;

import io.stormglass.scenario.yaml.MapReader;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the values of a key are written in a scenario file: how one is read (its unit converted to
 * the unit of the record field, its bounds checked), printed back by {@code --print-config} and
 * described in the type column of {@code docs/scenarios.md}. {@link Types} holds every type the
 * schema uses.
 *
 * @param <T> the value as the scenario's records hold it ({@code Long} nanoseconds, {@code Long} MiB/s, ...)
 */
public interface ValueType<T> {
    /**
     * The value under {@code key} of {@code r}; {@code dflt} when the key is absent, and — after
     * recording a located problem through {@code r} — when the value is wrong. Never throws for a
     * user's mistake.
     */
    T read(MapReader r, String key, T dflt);

    /** The value as a scenario file writes it after {@code key: } (quoted where a plain scalar could be misread). */
    String format(T value);

    /** The type column of the docs: {@code duration > 0}, {@code integer 1..9}. */
    String describe();

    /** Writes {@code key: value}; a type whose values span several lines (quantiles, a CSV) overrides this. */
    default void print(YamlWriter w, String key, T value) {
        w.value(key, format(value));
    }

    /** Reads a value of a key, as {@link #read} does. */
    @FunctionalInterface
    interface Reader<T> {
        T read(MapReader r, String key, T dflt);
    }

    /** A type from its three parts. */
    static <T> ValueType<T> of(String describe, Reader<T> reader, Function<T, String> formatter) {
        return new ValueType<>() {
            @Override
            public T read(MapReader r, String key, T dflt) {
                return reader.read(r, key, dflt);
            }

            @Override
            public String format(T value) {
                return formatter.apply(value);
            }

            @Override
            public String describe() {
                return describe;
            }
        };
    }

    /** The same type, described as {@code text} in the docs. */
    default ValueType<T> describedAs(String text) {
        ValueType<T> base = this;
        return new ValueType<>() {
            @Override
            public T read(MapReader r, String key, T dflt) {
                return base.read(r, key, dflt);
            }

            @Override
            public String format(T value) {
                return base.format(value);
            }

            @Override
            public String describe() {
                return text;
            }

            @Override
            public void print(YamlWriter w, String key, T value) {
                base.print(w, key, value);
            }
        };
    }

    /**
     * The same type with one more rule: a value read that breaks it is a problem ({@code problem}
     * of the value: {@code must be at least 1MiB/s}) and gives the default, rather than a silent clamp.
     */
    default ValueType<T> check(Predicate<T> ok, Function<T, String> problem, String describe) {
        ValueType<T> base = this;
        return of(describe, (r, key, dflt) -> {
            T v = base.read(r, key, dflt);
            if (!ok.test(v)) {
                r.problem(key, problem.apply(v));
                return dflt;
            }
            return v;
        }, base::format);
    }
}
