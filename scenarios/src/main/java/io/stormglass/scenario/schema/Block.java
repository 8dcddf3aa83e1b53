package io.stormglass.scenario.schema;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An entry that is not one scalar: a nested mapping ({@code cpu:}), a list of mappings
 * ({@code faults:}), a mapping of named mappings ({@code disks:}), the keys of another section laid
 * inline (a link's keys directly under {@code network:}), or a structure printed by hand
 * ({@code regions:}). Binders read these themselves; the block prints them and documents them.
 *
 * @param <R> the record the enclosing section prints
 */
public final class Block<R> implements Entry<R> {
    private final String name;
    private final Supplier<Row> row;
    private final BiConsumer<YamlWriter, R> printer;
    private final Supplier<Section<?>> child;

    /**
     * @param row   its row in the docs, computed when the docs are written (a nested section may
     *              not be built yet when the block is declared); null for inline keys, whose rows
     *              are the inlined section's
     * @param child the section under it, null if none
     */
    Block(String name, Supplier<Row> row, BiConsumer<YamlWriter, R> printer, Supplier<Section<?>> child) {
        this.name = name;
        this.row = row;
        this.printer = printer;
        this.child = child;
    }

    /** {@code name:} and {@code section}'s keys under it, for the child of a record (left out if null). */
    static <R, C> Block<R> nested(String name, Supplier<Row> row, Supplier<Section<C>> section, Function<R, C> child) {
        return new Block<>(name, row, (w, r) -> {
            C c = child.apply(r);
            if (c != null) {
                w.open(name);
                section.get().print(w, c);
                w.close();
            }
        }, section::get);
    }

    /** {@code section}'s keys in the enclosing mapping; documented as one row if {@code row} is not null, else as the section's rows. */
    static <R, C> Block<R> inline(Supplier<Row> row, Section<C> section, Function<R, C> child) {
        return new Block<>("", row, (w, r) -> section.print(w, child.apply(r)), () -> section);
    }

    /** Printed by {@code printer}; read by its binder. */
    static <R> Block<R> custom(String name, Supplier<Row> row, BiConsumer<YamlWriter, R> printer) {
        return new Block<>(name, row, printer, null);
    }

    /** The inlined section if this block lays one inline and is documented by its rows; null otherwise. */
    Section<?> inlined() {
        return row == null && child != null ? child.get() : null;
    }

    /** A list of mappings, each printed by {@code section}; an empty list is printed {@code []}, or left out if {@code omitEmpty}. */
    static <R, C> Block<R> list(String name, Supplier<Row> row, Section<C> section, Function<R, List<C>> items, boolean omitEmpty) {
        return new Block<>(name, row, (w, r) -> {
            List<C> list = items.apply(r);
            if (list.isEmpty()) {
                if (!omitEmpty) {
                    w.emptyList(name);
                }
                return;
            }
            w.open(name);
            for (C c : list) {
                w.item();
                section.print(w, c);
                w.close();
            }
            w.close();
        }, () -> section);
    }

    /** A mapping from names to mappings, each printed by {@code section}; left out when empty. */
    static <R, C> Block<R> map(String name, Supplier<Row> row, Section<C> section, Function<R, Map<String, C>> entries) {
        return new Block<>(name, row, (w, r) -> {
            Map<String, C> map = entries.apply(r);
            if (map.isEmpty()) {
                return;
            }
            w.open(name);
            map.forEach((key, c) -> {
                w.open(key);
                section.print(w, c);
                w.close();
            });
            w.close();
        }, () -> section);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void print(YamlWriter w, R record) {
        printer.accept(w, record);
    }

    @Override
    public Row row() {
        return row == null ? null : row.get();
    }

    @Override
    public List<Section<?>> children() {
        return child == null ? List.of() : List.of(child.get());
    }
}
