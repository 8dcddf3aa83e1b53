package io.stormglass.scenario.schema;

import io.stormglass.scenario.schema.Entry.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The keys of one mapping of a scenario ({@code cluster:}, a disk of model {@code nvme}, one
 * fault), in the order {@code --print-config} prints them and the docs list them. Built with a
 * {@link Builder}: each {@code key(...)} call declares one key and appends it, so the order of
 * the declarations is the order of the section.
 *
 * @param id      the section's name in the docs: {@code <!-- schema:ID -->} marks its table
 * @param entries its keys and blocks, in order
 * @param <R>     the record the section prints
 */
public record Section<R>(String id, List<Entry<R>> entries) {
    public Section {
        entries = List.copyOf(entries);
    }

    /** Starts declaring the section {@code id}, whose keys declare their defaults one by one. */
    public static <R> Builder<R> builder(String id) {
        return new Builder<>(id, null);
    }

    /** Starts declaring the section {@code id}, whose keys default to their values in {@code defaults}. */
    public static <R> Builder<R> builder(String id, R defaults) {
        return new Builder<>(id, defaults);
    }

    /** Writes every entry of {@code record} in order. */
    public void print(YamlWriter w, R record) {
        for (Entry<R> e : entries) {
            e.print(w, record);
        }
    }

    /** The names of the entries (inlined keys included), in order. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (Entry<R> e : entries) {
            if (e instanceof Block<R> b && b.inlined() != null) {
                out.addAll(b.inlined().names());
            } else {
                out.add(e.name());
            }
        }
        return out;
    }

    /**
     * {@code record} printed in flow style with only the keys that differ from their declared
     * default ({@code {put: 0.5, get: 0.5}}), for the docs; "each key's default" if none differs.
     */
    String flow(R record) {
        YamlWriter w = new YamlWriter();
        print(w, record);
        List<String> defaults = entries.stream().filter(e -> e instanceof Key<R, ?>).map(e -> ((Key<R, ?>) e).printedDefault())
                .toList();
        List<String> lines = w.toString().lines().filter(l -> !defaults.contains(l)).toList();
        return lines.isEmpty() ? "each key's default" : "`{" + String.join(", ", lines) + "}`";
    }

    /**
     * Declares a section's entries in order. Every method appends one entry; {@code key} returns the
     * {@link Key} that the binder reads through.
     *
     * @param <R> the record the section prints
     */
    public static final class Builder<R> {
        private final String id;
        private final R defaults;
        private final List<Entry<R>> entries = new ArrayList<>();

        private Builder(String id, R defaults) {
            this.id = id;
            this.defaults = defaults;
        }

        /** A scalar key printed from {@code value} of the record, defaulting to {@code value} of the section's defaults record. */
        public <T> Key<R, T> key(String name, ValueType<T> type, Function<R, T> value, String doc) {
            return key(name, type, value, Default.fromRecord(null), doc);
        }

        /** A scalar key printed from {@code value} of the record (left out where it gives null). */
        public <T> Key<R, T> key(String name, ValueType<T> type, Function<R, T> value, Default<T> dflt, String doc) {
            Default<T> d = dflt;
            if (dflt.fromRecord()) {
                if (defaults == null) {
                    throw new IllegalStateException(id + "." + name + ": the section has no defaults record to take a default from");
                }
                d = Default.of(value.apply(defaults), dflt.note());
            }
            Key<R, T> k = new Key<>(name, type, value, d, doc);
            entries.add(k);
            return k;
        }

        /** A scalar key that is read but not printed: its value is resolved into others ({@code preset}, {@code fio}). */
        public <T> Key<R, T> readOnly(String name, ValueType<T> type, Default<T> dflt, String doc) {
            return key(name, type, null, dflt, doc);
        }

        /** A mapping under {@code name} holding {@code section}'s keys, printed from {@code child} of the record (left out if null). */
        public <C> void nested(String name, String type, Supplier<Section<C>> section, Function<R, C> child, Default<C> dflt,
                String doc) {
            entries.add(Block.nested(name, () -> new Row(name, type, nestedDefault(section.get(), dflt), doc), section, child));
        }

        /** {@code section}'s keys directly in this mapping; documented as their rows if {@code doc} is null, else as one row. */
        public <C> void inline(String names, Section<C> section, Function<R, C> child, String doc) {
            entries.add(Block.inline(doc == null ? null : () -> new Row(names, "", "", doc), section, child));
        }

        /** A list of mappings holding {@code section}'s keys; printed {@code []} when empty unless {@code omitEmpty}. */
        public <C> void list(String name, Section<C> section, Function<R, List<C>> items, boolean omitEmpty, String doc) {
            entries.add(Block.list(name, () -> new Row(name, "list", "none", doc), section, items, omitEmpty));
        }

        /** A mapping from names to mappings holding {@code section}'s keys; left out when empty. */
        public <C> void map(String name, String type, Section<C> section, Function<R, Map<String, C>> entries, String dflt,
                String doc) {
            this.entries.add(Block.map(name, () -> new Row(name, type, dflt, doc), section, entries));
        }

        /** A structure that its binder reads and {@code printer} prints ({@code regions:}, a comment). */
        public void custom(String name, String type, String dflt, String doc, BiConsumer<YamlWriter, R> printer) {
            entries.add(Block.custom(name, () -> new Row(name, type, dflt, doc), printer));
        }

        /** Something printed that is no key and has no row in the docs (a comment). */
        public void printOnly(BiConsumer<YamlWriter, R> printer) {
            entries.add(Block.custom("", null, printer));
        }

        /** A word ({@code model}) that decides the further keys of this mapping: one case per word. */
        @SafeVarargs
        public final <C> Variant<R, C> variant(String variantId, String name, Function<R, C> value, Default<String> dflt, String doc,
                Variant.Case<C, ?>... cases) {
            Variant<R, C> v = new Variant<>(variantId, name, value, dflt, doc, List.of(cases));
            entries.add(v);
            return v;
        }

        public Section<R> build() {
            return new Section<>(id, entries);
        }

        private static <C> String nestedDefault(Section<C> section, Default<C> dflt) {
            if (dflt.text() != null) {
                return dflt.text();
            }
            return dflt.value() == null ? "none" : section.flow(dflt.value());
        }
    }

    @Override
    public String toString() {
        return id + entries.stream().map(Entry::name).collect(Collectors.joining(", ", "[", "]"));
    }
}
