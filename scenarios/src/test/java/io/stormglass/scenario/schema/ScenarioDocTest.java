package io.stormglass.scenario.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.print.ScenarioPrinter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/scenarios.md}'s key tables are what the schema generates: a key, default, type or
 * doc line changed in the schema without regenerating the doc fails here. Regenerate with
 * {@value #REGENERATE}.
 */
class ScenarioDocTest {
    static final Path DOC = Path.of("../docs/scenarios.md");
    static final String REGENERATE = "mvn -B -o -pl scenarios -am test -Dtest=ScenarioDocTest -Dschema.regenerate=true "
            + "-Dsurefire.failIfNoSpecifiedTests=false";

    @Test
    void theCommittedDocIsWhatTheSchemaGenerates() throws IOException {
        String committed = Files.readString(DOC, StandardCharsets.UTF_8);
        String generated = SchemaDoc.render(committed);
        if (Boolean.getBoolean("schema.regenerate")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(generated.equals(committed), "docs/scenarios.md differs from the schema at " + firstDifference(committed, generated)
                + "; regenerate its tables with: " + REGENERATE);
    }

    /** The first line where {@code a} and {@code b} differ, as {@code line N: 'a' is 'b' in the schema}. */
    private static String firstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        int i = 0;
        while (i < x.size() && i < y.size() && x.get(i).equals(y.get(i))) {
            i++;
        }
        return "line " + (i + 1) + ": '" + (i < x.size() ? x.get(i) : "") + "' is '" + (i < y.size() ? y.get(i) : "") + "' in the schema";
    }

    @Test
    void everySectionWithKeysHasATableInTheDoc() throws IOException {
        List<String> missing = SchemaDoc.missing(Files.readString(DOC, StandardCharsets.UTF_8));
        assertTrue(missing.isEmpty(), "no table shows these sections; add <!-- schema:ID --><!-- /schema --> for each to "
                + "docs/scenarios.md and run " + REGENERATE + ": " + missing);
    }

    @Test
    void aChangedDefaultChangesTheTable() {
        Section.Builder<Long> b = Section.builder("test");
        b.key("answer", Types.DURATION, v -> v, Default.of(42_000_000L), "a key");
        Section.Builder<Long> changed = Section.builder("test");
        changed.key("answer", Types.DURATION, v -> v, Default.of(43_000_000L), "a key");
        String table = SchemaDoc.table(b.build());
        assertTrue(table.contains("| `answer` | duration | `42ms` | a key |"), table);
        assertNotEquals(table, SchemaDoc.table(changed.build()));
    }

    @Test
    void everyTableShowsEachKeysDeclaredDefault() {
        for (Object block : SchemaDoc.blocks().values()) {
            if (block instanceof Section<?> s) {
                String table = SchemaDoc.table(s);
                for (Entry<?> e : s.entries()) {
                    if (e instanceof Key<?, ?> k && k.printedDefault() != null && k.row().dflt().startsWith("`")) {
                        String shown = k.printedDefault().substring(k.name().length() + 2);
                        assertTrue(table.contains("| `" + shown + "`"), s.id() + "." + k.name() + ": " + table);
                    }
                }
            }
        }
    }

    @Test
    void noSectionDeclaresAKeyTwice() {
        for (Object block : SchemaDoc.blocks().values()) {
            if (block instanceof Section<?> s) {
                Set<String> seen = new HashSet<>();
                for (String name : s.names()) {
                    assertTrue(name.isEmpty() || seen.add(name), s.id() + " declares " + name + " twice");
                }
            }
        }
    }

    /** A scenario that writes nothing but its description prints every key at its declared default: binders read the schema's defaults. */
    @Test
    void anEmptyScenarioPrintsTheDeclaredDefaults() {
        String printed = ScenarioPrinter.print(ScenarioLoader.load(Path.of("src/test/resources/good/minimal.yaml")));
        List<String> absent = new ArrayList<>();
        List<Section<?>> sections = List.of(ScenarioSchema.SCENARIO, ClusterSchema.CLUSTER, ClusterSchema.CPU, DiskSchema.NVME,
                NetworkSchema.LINK, NetworkSchema.NETWORK, WorkloadSchema.CLIENT);
        for (Section<?> s : sections) {
            for (Entry<?> e : s.entries()) {
                if (e instanceof Key<?, ?> k && k.printedDefault() != null && !printed.contains(" " + k.printedDefault() + "\n")
                        && !printed.contains("\n" + k.printedDefault() + "\n")) {
                    absent.add(s.id() + "." + k.printedDefault());
                }
            }
        }
        assertEquals(List.of(), absent, printed);
    }
}
