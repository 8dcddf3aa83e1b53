package io.stormglass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What every corpus case must show: its exit code, exactly its expected number of output lines,
 * each starting with its located prefix, no stack trace, Java class name or Jackson internals,
 * no line long enough to be the input echoed back, and nothing left behind.
 */
final class CorpusChecks {
    /** Texts that only a stack trace, a Java class name or a parser's internals would print. */
    static final List<String> FORBIDDEN = List.of("Exception", "\tat ", "java.", "javax.", "com.fasterxml", "[Source:",
            "org.yaml", "picocli.", "io.stormglass.");
    private static final Pattern ERROR_CLASS = Pattern.compile("\\b[A-Z][A-Za-z]*Error\\b");
    /** Longer output lines echo the input back (a long line, a binary file). */
    static final int MAX_LINE_CHARS = 1000;

    private CorpusChecks() {
    }

    /** The problems of one outcome against its case's expectations (empty: the case passes). */
    static List<String> output(CorpusCatalogue.Case c, CorpusRunner.Outcome o, List<List<String>> prefixes) {
        List<String> problems = new ArrayList<>();
        if (o.crash() != null) {
            problems.add(o.crash());
            return problems;
        }
        if (o.exit() != c.exit()) {
            problems.add("exit code " + o.exit() + ", expected " + c.exit());
        }
        List<String> lines = o.output().lines().toList();
        if (lines.size() != prefixes.size()) {
            problems.add(lines.size() + " output line(s), expected " + prefixes.size());
        }
        for (int i = 0; i < Math.min(lines.size(), prefixes.size()); i++) {
            String line = lines.get(i);
            if (prefixes.get(i).stream().noneMatch(line::startsWith)) {
                problems.add("line " + (i + 1) + " does not start with " + String.join(" or ", prefixes.get(i)));
            }
        }
        for (String f : FORBIDDEN) {
            if (o.output().contains(f)) {
                problems.add("output holds '" + f.replace("\t", "\\t") + "'");
            }
        }
        if (ERROR_CLASS.matcher(o.output()).find()) {
            problems.add("output names a Java error class");
        }
        if (lines.stream().anyMatch(l -> l.length() > MAX_LINE_CHARS)) {
            problems.add("an output line is longer than " + MAX_LINE_CHARS + " characters (input echoed back?)");
        }
        return problems;
    }

    /** Every file (with a digest of its content) and folder under {@code root}, by relative path. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String rel = root.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "dir" : digest(p));
            }
        }
        return out;
    }

    /** What changed between two snapshots, as readable lines: the user's files deleted or changed first, then new ones. */
    static List<String> leftovers(Map<String, String> before, Map<String, String> after, String where) {
        List<String> problems = new ArrayList<>();
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(p -> problems.add("deleted " + where + "/" + p));
        after.forEach((path, digest) -> {
            if (before.containsKey(path) && !before.get(path).equals(digest)) {
                problems.add("changed " + where + "/" + path);
            }
        });
        List<String> added = new ArrayList<>();
        after.keySet().stream().filter(p -> !before.containsKey(p))
                .forEach(p -> added.add("left behind " + where + "/" + p + (p.contains(".partial-") ? " (a staging folder)" : "")));
        added.sort(java.util.Comparator.comparing(s -> !s.contains(".partial-"))); // staging folders first: they matter most
        problems.addAll(added.size() > 3 ? List.of(added.get(0), added.get(1), "... and " + (added.size() - 2) + " more new entries under "
                + where) : added);
        return problems;
    }

    private static String digest(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return "special";
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return "unreadable";
        }
    }
}
