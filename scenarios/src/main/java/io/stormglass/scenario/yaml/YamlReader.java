package io.stormglass.scenario.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;

/**
 * Reads one YAML document into a {@link YamlNode} tree with locations.
 *
 * <p>Defences against hostile input: anchors and aliases are refused (scenarios reuse through
 * {@code extends:}), which also makes alias bombs impossible; documents are limited in size and
 * nesting depth; duplicate keys are errors. Every failure is a {@link ScenarioException} naming
 * the file, line and column.
 */
public final class YamlReader {
    /** Largest scenario file accepted, in characters. */
    public static final int MAX_CODE_POINTS = 1 << 20;
    /** Deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private final String file;
    private final YAMLParser parser;
    private int depth;
    /** Key path of the node being read, for messages. */
    private String path = "";

    private YamlReader(String file, YAMLParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Parses {@code text}, naming {@code file} in any error. An empty document is an error. */
    public static YamlNode read(String file, String text) {
        rejectInvisibleCharacters(file, text);
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(0);
        // duplicates are caught while building the tree, with both lines named
        options.setAllowDuplicateKeys(true);
        options.setNestingDepthLimit(MAX_DEPTH);
        rejectScalarAnchors(file, text, options);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(options).build();
        try (YAMLParser parser = (YAMLParser) factory.createParser(text)) {
            YamlReader reader = new YamlReader(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ScenarioException(new ScenarioProblem(new Location(file, 1, 1), "",
                        "the file is empty; expected a mapping of scenario keys"));
            }
            YamlNode root = reader.node(first);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw reader.problem(parser.currentTokenLocation(), "",
                        "more than one YAML document; a scenario file holds exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                throw new ScenarioException(syntaxProblem(file, marked));
            }
            JsonLocation at = e.getLocation();
            throw new ScenarioException(new ScenarioProblem(
                    at == null ? new Location(file, 1, 1) : new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())),
                    "", "not valid YAML: " + plain(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ScenarioException(new ScenarioProblem(new Location(file, 1, 1), "", "cannot read: " + e.getMessage()));
        } catch (RuntimeException e) {
            if (e instanceof ScenarioException se) {
                throw se;
            }
            // snakeyaml reports limits (aliases, size, depth) as unchecked exceptions
            throw new ScenarioException(new ScenarioProblem(new Location(file, 1, 1), "",
                    "not accepted as YAML: " + firstLine(String.valueOf(e.getMessage()))));
        }
    }

    /**
     * Refuses characters YAML does not allow (NUL, BEL and other controls, U+FFFE), at their own line
     * and column: the YAML reader would report them at the start of the file.
     */
    private static void rejectInvisibleCharacters(String file, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean printable = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0x7e) || cp == 0x85
                    || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp != 0xfeff) || cp >= 0x10000
                    || (cp == 0xfeff && i == 0);
            if (!printable) {
                throw new ScenarioException(new ScenarioProblem(new Location(file, line, column), "",
                        String.format(java.util.Locale.ROOT, "not valid YAML: the invisible character U+%04X is not allowed", cp)));
            }
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * Refuses an anchor on a scalar ({@code seed: &a 5}), which the tree reader below does not see
     * (it sees those on mappings and lists). Malformed YAML is left to the tree reader to report.
     */
    private static void rejectScalarAnchors(String file, String text, LoaderOptions options) {
        try {
            for (Event e : new Yaml(options).parse(new StringReader(text))) {
                if (e instanceof NodeEvent n && n.getAnchor() != null && !(e instanceof AliasEvent)) {
                    Mark at = e.getStartMark();
                    throw new ScenarioException(new ScenarioProblem(new Location(file, at.getLine() + 1, at.getColumn() + 1), "",
                            "YAML anchors and aliases are not supported; use 'extends: other.yaml' to reuse a scenario"));
                }
            }
        } catch (YAMLException e) {
            // not valid YAML: the tree reader reports where and why
        }
    }

    /** snakeyaml's problem ("expected ',' or ']'") at its mark, with the construct it was reading. */
    private static ScenarioProblem syntaxProblem(String file, MarkedYAMLException e) {
        Mark at = e.getProblemMark();
        String message = "not valid YAML: " + firstLine(e.getProblem());
        if (e.getContext() != null && e.getContextMark() != null) {
            message += " (" + firstLine(e.getContext()) + " from line " + (e.getContextMark().getLine() + 1) + ", column "
                    + (e.getContextMark().getColumn() + 1) + ")";
        }
        return new ScenarioProblem(new Location(file, at.getLine() + 1, at.getColumn() + 1), "", message);
    }

    private YamlNode node(JsonToken token) throws IOException {
        Location at = location(parser.currentTokenLocation());
        if (parser.isCurrentAlias() || parser.getCurrentAnchor() != null) {
            throw new ScenarioException(new ScenarioProblem(at, "",
                    "YAML anchors and aliases are not supported; use 'extends: other.yaml' to reuse a scenario"));
        }
        if (parser.getTypeId() != null) {
            // a tag (!!binary, !foo) asks for a type the schema does not have; values are plain words
            throw new ScenarioException(new ScenarioProblem(at, path,
                    "YAML tags (such as !!int or !foo) are not supported; write the value alone"));
        }
        switch (token) {
            case START_OBJECT:
                return map(at);
            case START_ARRAY:
                return list(at);
            case VALUE_NULL:
                return new YamlNode.YamlNull(at);
            case VALUE_STRING:
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.YamlScalar(at, parser.getText(), token == JsonToken.VALUE_STRING && wasQuoted());
            default:
                throw problem(parser.currentTokenLocation(), "", "unexpected YAML content (" + token + ")");
        }
    }

    private boolean wasQuoted() {
        // Jackson reports every string alike; a plain scalar that reads as a number or bool would
        // have come as VALUE_NUMBER/TRUE/FALSE, so a VALUE_STRING that looks like one was quoted.
        String t;
        try {
            t = parser.getText();
        } catch (IOException e) {
            return false;
        }
        return t.matches("[+-]?[0-9]+(\\.[0-9]+)?|true|false|null|~");
    }

    private YamlNode map(Location at) throws IOException {
        enter(at);
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (t != JsonToken.FIELD_NAME) {
                throw problem(parser.currentTokenLocation(), "", "expected a key");
            }
            String key = parser.currentName();
            Location keyAt = location(parser.currentTokenLocation());
            String parent = path;
            path = parent.isEmpty() ? key : parent + "." + key;
            YamlNode value = node(parser.nextToken());
            path = parent;
            if (entries.containsKey(key)) {
                throw new ScenarioException(new ScenarioProblem(keyAt, parent.isEmpty() ? key : parent + "." + key,
                        "duplicate key (first at line "
                        + entries.get(key).keyLocation().line() + ", column " + entries.get(key).keyLocation().column() + ")"));
            }
            entries.put(key, new YamlNode.Entry(key, keyAt, value));
        }
        depth--;
        return new YamlNode.YamlMap(at, entries);
    }

    private YamlNode list(Location at) throws IOException {
        enter(at);
        List<YamlNode> items = new ArrayList<>();
        JsonToken t;
        String parent = path;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            path = parent + "[" + items.size() + "]";
            items.add(node(t));
        }
        path = parent;
        depth--;
        return new YamlNode.YamlList(at, items);
    }

    private void enter(Location at) {
        if (++depth > MAX_DEPTH) {
            throw new ScenarioException(new ScenarioProblem(at, "", "nested deeper than " + MAX_DEPTH + " levels"));
        }
    }

    private Location location(JsonLocation l) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private ScenarioException problem(JsonLocation l, String path, String message) {
        return new ScenarioException(new ScenarioProblem(location(l), path, message));
    }

    /** Jackson's words without its internals: a complex key names snakeyaml's event classes. */
    private static String plain(String message) {
        String m = firstLine(message);
        if (m.startsWith("Expected a field name")) {
            return "a key must be a plain word, not a list or mapping";
        }
        int internals = m.indexOf("<org.");
        return internals < 0 ? m : m.substring(0, internals).strip();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
