package io.stormglass.scenario.schema;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes block-style YAML line by line: nested mappings by indentation, list items with
 * {@code - }, text quoted whenever a plain scalar could be misread. Output is a function of the
 * calls alone (no maps iterated here), so printing is stable.
 */
public final class YamlWriter {
    private final StringBuilder out = new StringBuilder();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int indent;
    private boolean itemPending;

    /** {@code key: value} with the value written as is (a number, a quantity with its unit, a boolean). */
    public YamlWriter value(String key, Object value) {
        line(key + ": " + value);
        return this;
    }

    /** {@code key: "text"}, quoted unless it is a plain word. */
    public YamlWriter text(String key, String text) {
        return value(key, quote(text));
    }

    /** Opens a nested mapping under {@code key}. */
    public YamlWriter open(String key) {
        line(key + ":");
        indents.push(indent);
        indent += 2;
        return this;
    }

    /** Opens a list item holding a mapping; its first key goes on the dash line. */
    public YamlWriter item() {
        indents.push(indent);
        itemPending = true;
        return this;
    }

    public YamlWriter close() {
        indent = indents.pop();
        itemPending = false;
        return this;
    }

    /** {@code key: |} and the text as a literal block, line breaks kept (with {@code |-} if it has no final one). */
    public YamlWriter block(String key, String text) {
        line(key + ": " + (text.endsWith("\n") ? "|" : "|-"));
        String pad = " ".repeat(indent + 2);
        for (String l : text.split("\n", -1)) {
            out.append(l.isEmpty() ? "" : pad + l).append('\n');
        }
        if (text.endsWith("\n")) {
            out.setLength(out.length() - 1);
        }
        return this;
    }

    /** {@code key: []}. */
    public YamlWriter emptyList(String key) {
        return value(key, "[]");
    }

    /** A comment line. */
    public YamlWriter comment(String text) {
        line("# " + text);
        return this;
    }

    private void line(String content) {
        out.append(" ".repeat(indent));
        if (itemPending) {
            out.append("- ");
            itemPending = false;
            indent += 2;
        }
        out.append(content).append('\n');
    }

    public static String quote(String text) {
        if (text.matches("[A-Za-z][A-Za-z0-9._/-]*") && !text.matches("(?i)true|false|yes|no|on|off|null|y|n")) {
            return text;
        }
        return doubleQuoted(text);
    }

    public static String doubleQuoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
