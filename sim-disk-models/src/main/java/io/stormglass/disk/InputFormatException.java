package io.stormglass.disk;

import java.util.Locale;

/**
 * A measurement file (fio's JSON report, a Prometheus scrape, an I/O trace) is malformed: where
 * (1-based line and column; column 0 for a whole line such as a CSV row), which field (a JSON
 * path, a CSV column, or empty) and what was expected and found, in one line of plain words. The
 * caller knows the file's name and prints {@code FILE:LINE:COLUMN: FIELD: message}.
 */
public final class InputFormatException extends IllegalArgumentException {
    /** Longest part of a token quoted back in a message. */
    private static final int MAX_QUOTED_CHARS = 40;

    private final int line;
    private final int column;
    private final String field;

    /**
     * @param line    1-based line (0: the file as a whole)
     * @param column  1-based column (0: the line as a whole)
     * @param field   the JSON path or CSV column at fault; empty if none applies
     * @param message what was expected and what was found
     */
    public InputFormatException(int line, int column, String field, String message) {
        super(message);
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    /**
     * A token of the input shown in a message: quoted, cut to 40 characters, invisible characters
     * escaped, so that a message never echoes a file back or breaks its line.
     */
    public static String quote(String token) {
        StringBuilder b = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < token.length(); i += Character.charCount(token.codePointAt(i))) {
            if (shown++ == MAX_QUOTED_CHARS) {
                b.append('…');
                break;
            }
            int cp = token.codePointAt(i);
            if (cp == '"' || cp == '\\') {
                b.append('\\').appendCodePoint(cp);
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.UNASSIGNED || Character.getType(cp) == Character.SURROGATE) {
                b.append(String.format(Locale.ROOT, cp < 0x100 ? "\\x%02x" : "\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.append('"').toString();
    }
}
