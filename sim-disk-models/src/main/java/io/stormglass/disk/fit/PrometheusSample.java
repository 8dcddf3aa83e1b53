package io.stormglass.disk.fit;

import io.stormglass.disk.InputFormatException;
import java.util.Map;
import java.util.TreeMap;

/**
 * One sample line of Prometheus's text exposition format,
 * {@code name{label="value",...} value [timestamp]}, read strictly: label values are quoted with
 * {@code \\}, {@code \"} and {@code \n} escapes; the value is a Go float ({@code 12}, {@code 1.5e3},
 * {@code +Inf}, {@code NaN}); the timestamp, if any, an integer. A malformed line is an
 * {@link InputFormatException} at the column where it goes wrong.
 *
 * @param labels      label names to values, sorted by name
 * @param value       the sample value as written
 * @param valueColumn 1-based column of the value
 * @param leColumn    1-based column of the {@code le} label's value (0 if there is none)
 */
record PrometheusSample(Map<String, String> labels, String value, int valueColumn, int leColumn) {
    /** Reads {@code raw}, line {@code line}, whose metric name ({@code name}, already matched) ends at {@code nameEnd}. */
    static PrometheusSample parse(String raw, int line, int nameEnd) {
        Map<String, String> labels = new TreeMap<>();
        int i = nameEnd;
        int leColumn = 0;
        if (i < raw.length() && raw.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(raw, i);
                if (i < raw.length() && raw.charAt(i) == '}') {
                    i++;
                    break;
                }
                int nameStart = i;
                while (i < raw.length() && (Character.isLetterOrDigit(raw.charAt(i)) || raw.charAt(i) == '_')) {
                    i++;
                }
                if (i == nameStart || i >= raw.length() || raw.charAt(i) != '=') {
                    throw fail(line, i + 1, i >= raw.length() ? "expected '}' to close the labels, got the end of the line"
                            : "expected a label such as le=\"0.1\", got " + InputFormatException.quote(raw.substring(i, Math.min(raw.length(), i + 10))));
                }
                String name = raw.substring(nameStart, i);
                int valueStart = i + 1;
                StringBuilder value = new StringBuilder();
                i = quoted(raw, valueStart, line, value);
                if (labels.put(name, value.toString()) != null) {
                    throw fail(line, nameStart + 1, "the label " + name + " appears twice");
                }
                if (name.equals("le")) {
                    leColumn = valueStart + 1;
                }
                i = skipSpaces(raw, i);
                if (i < raw.length() && raw.charAt(i) == ',') {
                    i++;
                } else if (i >= raw.length() || raw.charAt(i) != '}') {
                    throw fail(line, i + 1, "expected ',' or '}' after a label, got "
                            + (i >= raw.length() ? "the end of the line" : InputFormatException.quote(raw.substring(i).split("[\\s,}]")[0])));
                }
            }
        }
        return valueAndTime(raw, line, i, labels, leColumn);
    }

    private static PrometheusSample valueAndTime(String raw, int line, int from, Map<String, String> labels, int leColumn) {
        if (from >= raw.length() || !Character.isWhitespace(raw.charAt(from))) {
            throw fail(line, from + 1, from >= raw.length() ? "expected a value after the name and labels, got the end of the line"
                    : "expected a space and a value after the name and labels, got " + InputFormatException.quote(raw.substring(from)));
        }
        String[] parts = raw.substring(from).strip().split("[ \t]+");
        int valueColumn = skipSpaces(raw, from) + 1;
        if (parts.length > 2 || (parts.length == 2 && !parts[1].matches("-?[0-9]{1,19}"))) {
            throw fail(line, raw.lastIndexOf(parts[parts.length - 1]) + 1,
                    "expected at most a value and an integer timestamp, got " + InputFormatException.quote(parts[parts.length - 1]));
        }
        return new PrometheusSample(labels, parts[0], valueColumn, leColumn);
    }

    /** Reads a double-quoted label value starting at {@code at} into {@code out}; returns the index after the closing quote. */
    private static int quoted(String raw, int at, int line, StringBuilder out) {
        if (at >= raw.length() || raw.charAt(at) != '"') {
            throw fail(line, at + 1, "expected a quoted label value such as \"0.1\"");
        }
        for (int i = at + 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < raw.length()) {
                char e = raw.charAt(++i);
                out.append(e == 'n' ? '\n' : e);
            } else {
                out.append(c);
            }
        }
        throw fail(line, at + 1, "the label value has no closing '\"'");
    }

    /**
     * A Go float as Prometheus writes one: {@code +Inf}, {@code -Inf}, {@code NaN} or a decimal
     * number; null if {@code text} is none of these.
     */
    static Double goFloat(String text) {
        // if/else rather than a switch on strings, whose hashing the determinism check forbids here
        if (text.equals("+Inf") || text.equals("Inf") || text.equals("+inf") || text.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (text.equals("-Inf") || text.equals("-inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (text.equals("NaN") || text.equals("nan")) {
            return Double.NaN;
        }
        if (text.length() > 40 || !text.matches("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            return null;
        }
        return Double.parseDouble(text);
    }

    private static int skipSpaces(String raw, int i) {
        while (i < raw.length() && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    static InputFormatException fail(int line, int column, String message) {
        return new InputFormatException(line, column, "", message);
    }
}
