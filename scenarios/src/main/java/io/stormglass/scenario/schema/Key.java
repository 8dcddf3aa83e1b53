package io.stormglass.scenario.schema;

import io.stormglass.scenario.yaml.MapReader;
import java.util.function.Function;

/**
 * One scalar key of a section, declared once: its name, its {@link ValueType} (unit and bounds),
 * its {@link Default}, one line of documentation, and where its value sits in the record that
 * {@code --print-config} prints. Binders read through {@link #read}; the section prints through
 * {@link #print}; {@link SchemaDoc} writes its row of the docs.
 *
 * @param <R> the record the key is printed from
 * @param <T> the value's type
 */
public final class Key<R, T> implements Entry<R> {
    private final String name;
    private final ValueType<T> type;
    private final Function<R, T> value;
    private final Default<T> dflt;
    private final String doc;

    /**
     * @param value the key's value in a record, null to leave the key out of the printout; null
     *              for a key that is read but never printed (its value resolved into others)
     */
    Key(String name, ValueType<T> type, Function<R, T> value, Default<T> dflt, String doc) {
        this.name = name;
        this.type = type;
        this.value = value;
        this.dflt = dflt;
        this.doc = doc;
    }

    @Override
    public String name() {
        return name;
    }

    public ValueType<T> type() {
        return type;
    }

    /** The declared default (null if it depends on other keys or the key is required). */
    public T defaultValue() {
        return dflt.value();
    }

    /** What a missing required key's message expects (null if the key is optional). */
    public String expected() {
        return dflt.required();
    }

    /** The value under this key of {@code r}, or the declared default. */
    public T read(MapReader r) {
        return type.read(r, name, dflt.value());
    }

    /** The value under this key of {@code r}, or {@code computedDefault} (a default that depends on other keys). */
    public T read(MapReader r, T computedDefault) {
        return type.read(r, name, computedDefault);
    }

    /** Whether {@code r} writes this key (it then counts as known). */
    public boolean in(MapReader r) {
        return r.has(name);
    }

    /**
     * The value of a required key; if it is missing, records "required key is missing; expected
     * ..." at the mapping and returns {@code fallback}.
     */
    public T require(MapReader r, T fallback) {
        return present(r) ? type.read(r, name, fallback) : fallback;
    }

    /** Whether a required key is in {@code r}; if not, records "required key is missing; expected ..." at the mapping. */
    public boolean present(MapReader r) {
        return r.require(name, dflt.required());
    }

    /** Records a problem about this key's value in {@code r}. */
    public void problem(MapReader r, String message) {
        r.problem(name, message);
    }

    /** {@code name: value} of the default as printed, null if there is no default value. */
    String printedDefault() {
        return dflt.value() == null ? null : name + ": " + type.format(dflt.value());
    }

    @Override
    public void print(YamlWriter w, R record) {
        T v = value == null ? null : value.apply(record);
        if (v != null) {
            type.print(w, name, v);
        }
    }

    @Override
    public Row row() {
        return new Row(name, type.describe() + (dflt.required() != null ? ", **required**" : ""), dflt.describe(type), doc);
    }
}
