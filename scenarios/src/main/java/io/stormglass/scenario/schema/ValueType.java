package io.stormglass.scenario.schema;

import io.stormglass.scenario.yaml.MapReader;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the values of a key are written in a scenario file: how one is read (its unit converted to
 * the unit of the record field, its bounds checked), printed back by {@code --print-config} and
 * described in the type column of {@code docs/scenarios.md}. {@link Types} holds the common ones.
 *
 * @param describe  the type column of the docs: {@code duration > 0}, {@code integer 1..9}
 * @param reader    reads a key's value, recording a located problem for a wrong one
 * @param formatter the value as a scenario file writes it after {@code key: } (quoted where a plain scalar could be misread)
 * @param printer   writes a value that spans several lines (quantiles, a CSV); null for {@code key: formatted}
 * @param <T>       the value as the scenario's records hold it ({@code Long} nanoseconds, {@code Long} MiB/s, ...)
 */
public record ValueType<T>(String describe, Reader<T> reader, Function<T, String> formatter, Printer<T> printer) {
    /** Reads the value of a key. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * The value under {@code key} of {@code r}; {@code dflt} when the key is absent, and — after
         * recording a located problem through {@code r} — when the value is wrong. Never throws for
         * a user's mistake.
         */
        T read(MapReader r, String key, T dflt);
    }

    /** Writes a key and its value. */
    @FunctionalInterface
    public interface Printer<T> {
        void print(YamlWriter w, String key, T value);
    }

    /** A type printed as {@code key: formatted value}. */
    public static <T> ValueType<T> of(String describe, Reader<T> reader, Function<T, String> formatter) {
        return new ValueType<>(describe, reader, formatter, null);
    }

    /** The value under {@code key} of {@code r}, as {@link Reader#read} says. */
    public T read(MapReader r, String key, T dflt) {
        return reader.read(r, key, dflt);
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    public void print(YamlWriter w, String key, T value) {
        if (printer == null) {
            w.value(key, format(value));
        } else {
            printer.print(w, key, value);
        }
    }

    /** The same type, described as {@code text} in the docs. */
    public ValueType<T> describedAs(String text) {
        return new ValueType<>(text, reader, formatter, printer);
    }

    /** The same type, printed by {@code p}. */
    public ValueType<T> printedBy(Printer<T> p) {
        return new ValueType<>(describe, reader, formatter, p);
    }

    /**
     * The same type with one more rule: a value read that breaks it is a problem ({@code problem}
     * of the value: {@code must be at least 1MiB/s}) and gives the default, rather than a silent clamp.
     */
    public ValueType<T> check(Predicate<T> ok, Function<T, String> problem, String text) {
        return new ValueType<>(text, (r, key, dflt) -> {
            T v = reader.read(r, key, dflt);
            if (!ok.test(v)) {
                r.problem(key, problem.apply(v));
                return dflt;
            }
            return v;
        }, formatter, printer);
    }
}
