package io.stormglass.scenario.units;

/**
 * Shows a token of the user's input inside a message: in double quotes, at most
 * {@link #MAX_CHARS} characters (longer ones are cut with an ellipsis, so that a message never
 * echoes a file back), control and other invisible characters written as {@code \xNN} or
 * {@code \}{@code uNNNN}, so that a message stays on one line whatever the input held.
 */
public final class Quote {
    /** Longest part of a token shown. */
    public static final int MAX_CHARS = 40;

    private Quote() {
    }

    /** {@code text} in double quotes, cut and escaped as described above; {@code null} reads as nothing. */
    public static String of(String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder("\"");
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (shown == MAX_CHARS) {
                b.append('…');
                break;
            }
            appendVisible(b, cp);
            shown++;
            i += Character.charCount(cp);
        }
        return b.append('"').toString();
    }

    private static void appendVisible(StringBuilder b, int cp) {
        if (cp == '"' || cp == '\\') {
            b.append('\\').appendCodePoint(cp);
        } else if (cp < 0x20 || cp == 0x7f) {
            b.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
        } else if (!isVisible(cp)) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
        } else {
            b.appendCodePoint(cp);
        }
    }

    private static boolean isVisible(int cp) {
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.SURROGATE && type != Character.PRIVATE_USE && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }
}
