package io.stormglass.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * One mutation of a library file, as a hostile or careless editor makes it: a line deleted,
 * duplicated, swapped with another or re-indented, a random token inserted, the file cut short,
 * or a scalar replaced by a nasty value. Positions are taken modulo the document's size, so any
 * integers make a valid mutation of any document.
 *
 * @param file  the library file mutated (its name)
 * @param kind  what is done
 * @param a     a line or offset (modulo the document's size)
 * @param b     a second line, offset or indentation change
 * @param token the token inserted or put in place of a scalar
 */
record LibraryMutation(String file, Kind kind, int a, int b, String token) {
    enum Kind { DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INSERT_TOKEN, CHANGE_INDENT, TRUNCATE, REPLACE_SCALAR }

    /** Values that break parsers: overflows, NaN, unicode digits, YAML syntax, control characters. */
    static final List<String> NASTY = List.of("", "~", "null", "-1", "0", "1e400", "-1e400", ".nan", ".inf", "-.inf", "NaN",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "١٢", "１２", "0x10", "0o17", "1_000", "true",
            "yes", "[]", "{}", "[1, 2]", "{a: 1}", "\"\"", "'", "\"", "&a", "*a", "!!binary x", "!ruby/object:Gem::Installer x",
            "<<", "---", "...", "#", ":", "- x", "? x", "%YAML 1.1", "\t", "\u0000", "\u0007", "é", "\uFEFF", "\r", "10", "10s",
            "-10s", "0s", "1ns", "401d", "106752d", "106751d106751d", "1h-30m", "9223372036854775807ns", "1e400s",
            "999999999999999999999h", "2MiB", "1572865B", "-1B", "1.5.5s", "10 s", "1/0", "-5/s", "0/s", "1e15/s", "1e400/s", "-",
            "ppm", "%", "150%", "-0", "0.0", "1e-400", "../../etc/passwd", "/dev/zero", "/", ".", "nvme", "leader", "prometheus",
            "zipf", "datagram", "x".repeat(300), "9".repeat(40));

    /** The mutated text of {@code text}. */
    String apply(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int n = lines.size();
        int i = Math.floorMod(a, n);
        int j = Math.floorMod(b, n);
        switch (kind) {
            case DELETE_LINE -> lines.remove(i);
            case DUPLICATE_LINE -> lines.add(i, lines.get(i));
            case SWAP_LINES -> {
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case INSERT_TOKEN -> {
                String line = lines.get(i);
                int at = Math.floorMod(b, line.length() + 1);
                lines.set(i, line.substring(0, at) + token + line.substring(at));
            }
            case CHANGE_INDENT -> lines.set(i, reindent(lines.get(i), Math.floorMod(b, 7) - 3));
            case TRUNCATE -> {
                return text.substring(0, Math.floorMod(a, text.length() + 1));
            }
            case REPLACE_SCALAR -> lines.set(i, replaceScalar(lines.get(i), token));
            default -> throw new IllegalStateException(kind.toString());
        }
        return String.join("\n", lines);
    }

    /** {@code delta} spaces more (or fewer) at the start of the line; 0 swaps the first blank for a tab. */
    private static String reindent(String line, int delta) {
        if (delta == 0) {
            return line.startsWith(" ") ? "\t" + line.substring(1) : "\t" + line;
        }
        if (delta > 0) {
            return " ".repeat(delta) + line;
        }
        int blanks = 0;
        while (blanks < line.length() && blanks < -delta && line.charAt(blanks) == ' ') {
            blanks++;
        }
        return line.substring(blanks);
    }

    /** The value after the line's first {@code ": "} (or its list item) replaced by {@code token}. */
    private static String replaceScalar(String line, String token) {
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + token;
        }
        int dash = line.indexOf("- ");
        return dash >= 0 ? line.substring(0, dash + 2) + token : line + token;
    }

    @Override
    public String toString() {
        return file + " " + kind + "(" + a + ", " + b + (kind == Kind.INSERT_TOKEN || kind == Kind.REPLACE_SCALAR
                ? ", \"" + token.replace("\n", "\\n").replace("\t", "\\t") + "\"" : "") + ")";
    }
}
