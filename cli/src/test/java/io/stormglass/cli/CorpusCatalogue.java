package io.stormglass.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bad-input corpus catalogue ({@code corpus/catalogue.txt}; its header documents the
 * format). A case is a {@code $ <arguments>} line followed by its expectations; {@code ## kind K}
 * starts the cases of input kind {@code K}.
 */
final class CorpusCatalogue {
    /** Seconds a case may take before it counts as a hang. */
    static final int DEFAULT_TIMEOUT_SECONDS = 30;

    /**
     * One case.
     *
     * @param kind      the input kind it belongs to (for the per-kind count)
     * @param line      its line in the catalogue
     * @param arguments the command line, placeholders not yet expanded
     * @param exit      the expected exit code
     * @param prefixes  one entry per expected output line: its accepted prefixes (alternatives)
     * @param files     files written into the case folder before the run (name → text, placeholders unexpanded)
     * @param dirs      folders created in the case folder before the run
     * @param sandbox   run in a child JVM whose working directory is {@code {tmp}/cwd} (cwd-relative outputs)
     * @param timeoutSeconds how long the case may take
     */
    record Case(String kind, int line, String arguments, int exit, List<List<String>> prefixes, Map<String, String> files,
            List<String> dirs, boolean sandbox, int timeoutSeconds) {
        String label() {
            return kind + " #" + line + ": " + arguments;
        }
    }

    private CorpusCatalogue() {
    }

    static List<Case> read(Path catalogue) throws IOException {
        List<Case> out = new ArrayList<>();
        Builder current = null;
        String kind = "unsorted";
        List<String> lines = Files.readAllLines(catalogue, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("## kind ")) {
                kind = line.substring("## kind ".length()).strip();
                continue;
            }
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("$ ")) {
                if (current != null) {
                    out.add(current.build());
                }
                current = new Builder(kind, i + 1, line.substring(2));
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(catalogue + ":" + (i + 1) + ": expectation before any case");
            }
            i = current.expectation(lines, i, catalogue);
        }
        if (current != null) {
            out.add(current.build());
        }
        return out;
    }

    /** Collects one case's expectation lines. */
    private static final class Builder {
        private final String kind;
        private final int line;
        private final String arguments;
        private Integer exit;
        private final List<List<String>> prefixes = new ArrayList<>();
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<String> dirs = new ArrayList<>();
        private boolean sandbox;
        private int timeout = DEFAULT_TIMEOUT_SECONDS;

        Builder(String kind, int line, String arguments) {
            this.kind = kind;
            this.line = line;
            this.arguments = arguments;
        }

        /** Reads the expectation at {@code lines[i]} (and any block after it); returns the last line index used. */
        int expectation(List<String> lines, int i, Path catalogue) {
            String l = lines.get(i);
            String word = l.split(" ", 2)[0];
            String rest = l.length() > word.length() ? l.substring(word.length() + 1) : "";
            switch (word) {
                case "exit" -> exit = Integer.parseInt(rest.strip());
                case "line" -> prefixes.add(List.of(rest.split(" \\|\\| ")));
                case "mkdir" -> dirs.add(rest.strip());
                case "plant" -> {
                    String[] nameText = rest.split(" ", 2);
                    files.put(nameText[0], nameText.length > 1 ? nameText[1] + "\n" : "");
                }
                case "file" -> {
                    StringBuilder text = new StringBuilder();
                    while (i + 1 < lines.size() && lines.get(i + 1).startsWith("|")) {
                        String body = lines.get(++i);
                        text.append(body.length() > 1 ? body.substring(2) : "").append('\n');
                    }
                    files.put(rest.strip(), text.toString());
                }
                case "sandbox" -> sandbox = true;
                case "timeout" -> timeout = Integer.parseInt(rest.strip());
                case "note" -> {
                    // a remark for readers (a debatable expectation); not checked
                }
                default -> throw new IllegalStateException(catalogue + ":" + (i + 1) + ": unknown expectation '" + word + "'");
            }
            return i;
        }

        Case build() {
            if (exit == null) {
                throw new IllegalStateException("case at line " + line + " has no 'exit' expectation");
            }
            return new Case(kind, line, arguments, exit, List.copyOf(prefixes), Map.copyOf(files), List.copyOf(dirs), sandbox, timeout);
        }
    }

    /**
     * Splits a command line as a shell would, simply: blanks separate words; {@code '...'} quotes
     * literally; {@code "..."} quotes with the escapes backslash-t, -n, -r, -xNN and -uNNNN.
     * {@code ''} is an empty word.
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                cur.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, cur);
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Appends the double-quoted text starting at {@code i}; returns the index of the closing quote. */
    private static int doubleQuoted(String line, int i, StringBuilder cur) {
        for (; line.charAt(i) != '"'; i++) {
            char c = line.charAt(i);
            if (c != '\\') {
                cur.append(c);
                continue;
            }
            char e = line.charAt(++i);
            switch (e) {
                case 't' -> cur.append('\t');
                case 'n' -> cur.append('\n');
                case 'r' -> cur.append('\r');
                case 'x' -> {
                    cur.append((char) Integer.parseInt(line.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    cur.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> cur.append(e);
            }
        }
        return i;
    }
}
