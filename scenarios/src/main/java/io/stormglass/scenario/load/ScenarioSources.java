package io.stormglass.scenario.load;

import io.stormglass.scenario.input.InputFiles;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlReader;
import io.stormglass.scenario.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads scenario files and resolves {@code extends:} chains into one YAML tree.
 *
 * <p>{@code extends: other.yaml} names a file relative to the extending file. The base is read
 * (and its own {@code extends:} resolved) first, then the extending file is overlaid on it with
 * {@link YamlTrees#overlay}: mappings merge key by key, anything else (lists included) replaces.
 * A base's {@code name:} is not inherited, since a name identifies one file. Cycles and chains
 * deeper than {@link #MAX_CHAIN} files are errors located at the {@code extends:} that closes them.
 */
final class ScenarioSources {
    /** Longest {@code extends:} chain accepted. */
    static final int MAX_CHAIN = 16;

    private ScenarioSources() {
    }

    /** The document of {@code file} with its {@code extends:} chain applied; {@code shown} names it in errors. */
    static YamlNode.YamlMap resolve(Path file, String shown) {
        return resolve(file, shown, new ArrayList<>(), null);
    }

    private static YamlNode.YamlMap resolve(Path file, String shown, List<Path> chain, Location extendsAt) {
        Path key = file.toAbsolutePath().normalize();
        List<String> chainNames = new ArrayList<>();
        if (chain.contains(key)) {
            chain.subList(chain.indexOf(key), chain.size()).forEach(p -> chainNames.add(p.getFileName().toString()));
            chainNames.add(key.getFileName().toString());
            throw fail(extendsAt, "extends", "extends cycle: " + String.join(" -> ", chainNames));
        }
        if (chain.size() >= MAX_CHAIN) {
            throw fail(extendsAt, "extends", "extends chain longer than " + MAX_CHAIN + " files");
        }
        chain.add(key);
        YamlNode.YamlMap doc = readDocument(file, shown, extendsAt);
        if (extendsAt != null && doc.entries().containsKey("base")
                && (doc.entries().containsKey("vary") || doc.entries().containsKey("sample"))) {
            throw fail(extendsAt, "extends", shown + ": is a sweep file (it has base: and vary: or sample:), not a scenario");
        }
        YamlNode.Entry ext = doc.entries().get("extends");
        if (ext == null || ext.value() instanceof YamlNode.YamlNull) {
            return without(doc, "extends");
        }
        if (!(ext.value() instanceof YamlNode.YamlScalar target) || target.text().isBlank()) {
            throw fail(ext.value().location(), "extends", "expected the name of a scenario file, got " + ext.value().describe());
        }
        Path basePath = file.resolveSibling(target.text());
        String baseShown = shownSibling(shown, target.text());
        YamlNode.YamlMap base = resolve(basePath, baseShown, chain, target.location());
        return (YamlNode.YamlMap) YamlTrees.overlay(without(base, "name"), without(doc, "extends"));
    }

    /** Reads one file into a mapping; a missing file named by an {@code extends:} is reported there. */
    static YamlNode.YamlMap readDocument(Path file, String shown, Location extendsAt) {
        String text = readText(file, shown, extendsAt);
        YamlNode root = YamlReader.read(shown, text);
        if (!(root instanceof YamlNode.YamlMap map)) {
            throw fail(root.location(), "", "expected a mapping of scenario keys, got " + root.describe());
        }
        return map;
    }

    private static String readText(Path file, String shown, Location extendsAt) {
        try {
            return InputFiles.readText(file, shown, InputKind.YAML);
        } catch (ScenarioException e) {
            throw extendsAt == null ? e : new ScenarioException(InputFiles.namedAt(e, extendsAt, "extends"));
        }
    }

    /** How to show a file named relative to another one the user named as {@code shown}. */
    static String shownSibling(String shown, String relative) {
        Path parent = Path.of(shown).getParent();
        return (parent == null ? Path.of(relative) : parent.resolve(relative)).normalize().toString();
    }

    static YamlNode.YamlMap without(YamlNode.YamlMap map, String key) {
        if (!map.entries().containsKey(key)) {
            return map;
        }
        Map<String, YamlNode.Entry> copy = new LinkedHashMap<>(map.entries());
        copy.remove(key);
        return new YamlNode.YamlMap(map.location(), copy);
    }

    private static ScenarioException fail(Location at, String keyPath, String message) {
        return new ScenarioException(new ScenarioProblem(at, keyPath, message));
    }
}
