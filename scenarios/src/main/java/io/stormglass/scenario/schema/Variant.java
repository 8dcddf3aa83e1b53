package io.stormglass.scenario.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A word that decides which further keys a mapping has ({@code model: nvme} and the NVMe options,
 * {@code distribution: uniform} and {@code min}, {@code max}): one {@link Case} per word, each with
 * its own section. The word and the case's keys print in the same mapping.
 *
 * @param <R> the record the enclosing section prints
 * @param <C> the value the word is chosen for ({@code DiskSpec}, {@code LatencyDistribution})
 */
public final class Variant<R, C> implements Entry<R> {
    private final String id;
    private final String name;
    private final Function<R, C> value;
    private final Default<String> dflt;
    private final String doc;
    private final List<Case<C, ?>> cases;

    Variant(String id, String name, Function<R, C> value, Default<String> dflt, String doc, List<Case<C, ?>> cases) {
        this.id = id;
        this.name = name;
        this.value = value;
        this.dflt = dflt;
        this.doc = doc;
        this.cases = List.copyOf(cases);
    }

    /**
     * One word: {@code view} gives the value as this case's record if the case applies to it (null
     * otherwise); {@code section} holds the case's keys.
     */
    public record Case<C, S>(String word, Function<C, S> view, Section<S> section) {
        /** The case for values of class {@code type}. */
        public static <C, S extends C> Case<C, S> of(String word, Class<S> type, Section<S> section) {
            return new Case<>(word, c -> type.isInstance(c) ? type.cast(c) : null, section);
        }

        boolean printIfApplies(YamlWriter w, String key, C c) {
            S s = view.apply(c);
            if (s == null) {
                return false;
            }
            w.value(key, word);
            section.print(w, s);
            return true;
        }
    }

    /** The id of the docs block listing every case with its keys. */
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    /** The words, each standing for itself, in the order of the docs (for {@code MapReader.choice}). */
    public Map<String, String> words() {
        Map<String, String> out = new LinkedHashMap<>();
        cases.forEach(c -> out.put(c.word(), c.word()));
        return out;
    }

    public List<Case<C, ?>> cases() {
        return cases;
    }

    @Override
    public void print(YamlWriter w, R record) {
        C c = value.apply(record);
        for (Case<C, ?> k : cases) {
            if (k.printIfApplies(w, name, c)) {
                return;
            }
        }
        throw new IllegalStateException(name + ": no case for " + c);
    }

    @Override
    public Row row() {
        ValueType<String> type = Types.words(words().keySet().toArray(String[]::new));
        return new Row(name, type.describe() + (dflt.required() != null ? ", **required**" : ""), dflt.describe(type), doc);
    }

    @Override
    public List<Section<?>> children() {
        return cases.stream().<Section<?>>map(Case::section).toList();
    }
}
