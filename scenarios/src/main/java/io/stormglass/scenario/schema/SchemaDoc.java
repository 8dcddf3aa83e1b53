package io.stormglass.scenario.schema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key tables of {@code docs/scenarios.md}, generated from the schema. The doc's prose is
 * written by hand; each table stands between {@code <!-- schema:ID -->} and {@code <!-- /schema -->}
 * and is replaced by the table of the section (or, for a {@link Variant}'s id, of every case) of
 * that id. {@code ScenarioDocTest} fails when the committed doc differs from what this generates;
 * {@link #main} rewrites it.
 */
public final class SchemaDoc {
    private static final Pattern BLOCK = Pattern.compile("<!-- schema:([A-Za-z0-9.-]+) -->\\n(.*?)<!-- /schema -->", Pattern.DOTALL);

    private SchemaDoc() {
    }

    /** Rewrites the key tables of the doc at {@code args[0]} (default {@code docs/scenarios.md}). */
    public static void main(String[] args) throws IOException {
        Path doc = Path.of(args.length > 0 ? args[0] : "docs/scenarios.md");
        Files.writeString(doc, render(Files.readString(doc, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** {@code markdown} with every marked table regenerated; an unknown id is an {@link IllegalArgumentException}. */
    public static String render(String markdown) {
        Map<String, Object> blocks = blocks();
        Matcher m = BLOCK.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object block = blocks.get(m.group(1));
            if (block == null) {
                throw new IllegalArgumentException("no schema section or variant named '" + m.group(1) + "'; known: " + blocks.keySet());
            }
            String table = block instanceof Section<?> s ? table(s) : cases((Variant<?, ?>) block);
            m.appendReplacement(out, Matcher.quoteReplacement("<!-- schema:" + m.group(1) + " -->\n" + table + "<!-- /schema -->"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The ids of the sections that have keys and appear in no table of {@code markdown}. */
    public static List<String> missing(String markdown) {
        Map<String, Object> blocks = blocks();
        Set<Section<?>> covered = new LinkedHashSet<>();
        Matcher m = BLOCK.matcher(markdown);
        while (m.find()) {
            Object block = blocks.get(m.group(1));
            if (block instanceof Section<?> s) {
                cover(s, covered);
            } else if (block instanceof Variant<?, ?> v) {
                v.cases().forEach(c -> cover(c.section(), covered));
            }
        }
        List<String> out = new ArrayList<>();
        blocks.values().forEach(b -> {
            if (b instanceof Section<?> s && !covered.contains(s) && !rows(s).isEmpty()) {
                out.add(s.id());
            }
        });
        return out;
    }

    /** Every section and variant reachable from {@link ScenarioSchema#SCENARIO}, by id. */
    static Map<String, Object> blocks() {
        Map<String, Object> out = new LinkedHashMap<>();
        collect(ScenarioSchema.SCENARIO, out);
        return out;
    }

    private static void collect(Section<?> s, Map<String, Object> out) {
        if (out.containsKey(s.id())) {
            if (out.get(s.id()) != s) {
                throw new IllegalStateException("two sections named " + s.id());
            }
            return;
        }
        out.put(s.id(), s);
        for (Entry<?> e : s.entries()) {
            if (e instanceof Variant<?, ?> v) {
                out.put(v.id(), v);
            }
            e.children().forEach(c -> collect(c, out));
        }
    }

    /** {@code s} and the sections its table shows inline. */
    private static void cover(Section<?> s, Set<Section<?>> covered) {
        covered.add(s);
        s.entries().forEach(e -> {
            if (e instanceof Block<?> b && b.inlined() != null) {
                cover(b.inlined(), covered);
            }
        });
    }

    private static List<Entry.Row> rows(Section<?> s) {
        List<Entry.Row> out = new ArrayList<>();
        for (Entry<?> e : s.entries()) {
            if (e instanceof Block<?> b && b.inlined() != null) {
                out.addAll(rows(b.inlined()));
            } else if (e.row() != null) {
                out.add(e.row());
            }
        }
        return out;
    }

    static String table(Section<?> s) {
        StringBuilder out = new StringBuilder("| key | type | default | meaning |\n|---|---|---|---|\n");
        rows(s).forEach(r -> out.append("| `").append(r.key()).append("` | ").append(r.type()).append(" | ").append(r.dflt())
                .append(" | ").append(r.meaning()).append(" |\n"));
        return out.toString();
    }

    static String cases(Variant<?, ?> v) {
        StringBuilder out = new StringBuilder("| " + v.name() + " | key | type | default | meaning |\n|---|---|---|---|---|\n");
        for (Variant.Case<?, ?> c : v.cases()) {
            List<Entry.Row> rows = rows(c.section());
            String word = "`" + c.word() + "`";
            if (rows.isEmpty()) {
                out.append("| ").append(word).append(" | | | | no further keys |\n");
            }
            for (Entry.Row r : rows) {
                out.append("| ").append(word).append(" | `").append(r.key()).append("` | ").append(r.type()).append(" | ")
                        .append(r.dflt()).append(" | ").append(r.meaning()).append(" |\n");
                word = "";
            }
        }
        return out.toString();
    }
}
