package io.stormglass.scenario.schema;

import java.util.List;

/**
 * One entry of a {@link Section}, in the order a scenario prints and documents it: a scalar
 * {@link Key}, a {@link Block} (a nested mapping, a list or mapping of them, or keys laid inline),
 * or a {@link Variant} (a word that decides which further keys apply).
 *
 * @param <R> the record the section prints
 */
public sealed interface Entry<R> permits Key, Block, Variant {
    String name();

    /** Writes the entry's part of {@code record} (nothing if it is left out of the printout). */
    void print(YamlWriter w, R record);

    /** The entry's row in its section's table of the docs. */
    Row row();

    /** The sections under this entry, each documented in a table of its own. */
    default List<Section<?>> children() {
        return List.of();
    }

    /** A row of a key table: key, type, default, meaning. */
    record Row(String key, String type, String dflt, String meaning) {
    }
}
