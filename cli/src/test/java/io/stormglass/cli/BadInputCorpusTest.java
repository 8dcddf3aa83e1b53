package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (issue 16): every case of {@code corpus/catalogue.txt} — a hostile new
 * user's mistakes across every input Stormglass reads — through the CLI in-process. Each case
 * asserts its exit code, exactly its expected output lines with their located prefixes, no stack
 * trace or Java class name, and that nothing was left behind: its temporary folder holds exactly
 * what was planted there before (no output, no {@code .partial-} staging folder, planted files
 * unchanged) and the working directory gained nothing. Writes {@code target/corpus-report.tsv}
 * (one row per case), {@code target/corpus-output.txt} (what each case printed) and prints the count of cases per input kind.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus");
    static final int MIN_CASES = 250;

    @TempDir
    static Path root;

    private static final Map<Integer, String> RESULTS = new TreeMap<>();
    private static final Map<Integer, String> OUTPUTS = new TreeMap<>();

    @BeforeAll
    static void generateLargeFixtures() throws IOException {
        Path big = Files.createDirectories(root.resolve("big"));
        // a scenario over the 1 MiB limit: a valid one followed by 2 MiB of comment lines
        try (OutputStream out = Files.newOutputStream(big.resolve("two-mib.yaml"))) {
            out.write("description: two MiB of comments\n".getBytes(StandardCharsets.UTF_8));
            byte[] comment = ("# " + "x".repeat(1021) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 2048; i++) {
                out.write(comment);
            }
        }
        // one 200 000-character line: the seed's digits
        Files.writeString(big.resolve("long-line.yaml"), "description: a seed of 200 000 digits\nseed: " + "7".repeat(200_000) + "\n");
        // a 100 MB history without a line break: must be refused or streamed within a bound, never an OOM or a hang
        try (OutputStream out = Files.newOutputStream(big.resolve("hundred-mb.jsonl"))) {
            byte[] chunk = ("{\"time_ns\":" + "1".repeat(1 << 20)).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
    }

    static List<CorpusCatalogue.Case> cases() throws IOException {
        return CorpusCatalogue.read(CORPUS.resolve("catalogue.txt"));
    }

    @TestFactory
    Stream<DynamicTest> everyBadInputIsRefusedCleanlyWithOneLocatedLine() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            List<String> problems = run(c);
            assertTrue(problems.isEmpty(), String.join("; ", problems));
        }));
    }

    private static List<String> run(CorpusCatalogue.Case c) throws Exception {
        Path tmp = Files.createDirectories(root.resolve("case-" + c.line()));
        String corpus = c.sandbox() ? CORPUS.toAbsolutePath().toString() : CORPUS.toString();
        Expander x = new Expander(corpus, tmp, root.resolve("big"));
        for (String d : c.dirs()) {
            Files.createDirectories(tmp.resolve(x.expand(d)));
        }
        for (Map.Entry<String, String> f : c.files().entrySet()) {
            Path p = tmp.resolve(x.expand(f.getKey()));
            Files.createDirectories(p.getParent());
            Files.writeString(p, x.expand(f.getValue()), StandardCharsets.UTF_8);
        }
        if (c.sandbox()) {
            Files.createDirectories(tmp.resolve("cwd"));
        }
        Map<String, String> before = CorpusChecks.snapshot(tmp);
        Map<String, String> cwdBefore = workingDirectory();
        List<String> args = CorpusCatalogue.words(c.arguments()).stream().map(x::expand).toList();
        CorpusRunner.Outcome o = c.sandbox() ? CorpusRunner.sandboxed(args, tmp.resolve("cwd"), c.timeoutSeconds())
                : CorpusRunner.inProcess(args, c.timeoutSeconds());
        List<List<String>> prefixes = c.prefixes().stream().map(alts -> alts.stream().map(x::expand).toList()).toList();
        List<String> problems = new ArrayList<>(CorpusChecks.output(c, o, prefixes));
        problems.addAll(CorpusChecks.leftovers(before, CorpusChecks.snapshot(tmp), "{tmp}"));
        problems.addAll(CorpusChecks.leftovers(cwdBefore, workingDirectory(), "{cwd}"));
        record(c, o, problems);
        return problems;
    }

    /** The module folder's own entries and everything under its out/ (where commands write by default). */
    private static Map<String, String> workingDirectory() throws IOException {
        Map<String, String> out = new TreeMap<>(CorpusChecks.snapshot(Path.of("out")));
        try (Stream<Path> top = Files.list(Path.of(""))) {
            top.forEach(p -> out.put("./" + p.getFileName(), "entry"));
        }
        return out;
    }

    private static synchronized void record(CorpusCatalogue.Case c, CorpusRunner.Outcome o, List<String> problems) {
        String first = o.crash() != null ? o.crash() : o.output().lines().findFirst().orElse("(no output)");
        first = first.replace('\t', ' ');
        first = first.length() > 160 ? first.substring(0, 160) + "…" : first;
        RESULTS.put(c.line(), String.join("\t", c.kind(), Integer.toString(c.line()), problems.isEmpty() ? "PASS" : "FAIL",
                Integer.toString(o.exit()), c.arguments(), first, String.join("; ", problems)));
        String shown = o.output().lines().map(l -> "    " + (l.length() > 300 ? l.substring(0, 300) + "…" : l))
                .limit(30).collect(Collectors.joining("\n"));
        OUTPUTS.put(c.line(), "#" + c.line() + " " + c.kind() + " $ " + c.arguments() + "\n    exit " + o.exit()
                + (o.crash() == null ? "" : " (" + o.crash() + ")") + (shown.isEmpty() ? "" : "\n" + shown));
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (RESULTS.isEmpty()) {
            return;
        }
        Path report = Path.of("target", "corpus-report.tsv");
        Files.createDirectories(report.getParent());
        Files.write(report, RESULTS.values(), StandardCharsets.UTF_8);
        Files.write(report.resolveSibling("corpus-output.txt"), OUTPUTS.values(), StandardCharsets.UTF_8);
        Map<String, int[]> byKind = new TreeMap<>();
        RESULTS.values().forEach(row -> {
            String[] f = row.split("\t", -1);
            int[] n = byKind.computeIfAbsent(f[0], k -> new int[2]);
            n[0]++;
            n[1] += f[2].equals("PASS") ? 1 : 0;
        });
        System.out.println("bad-input corpus: cases passing per input kind (report: " + report + ")");
        byKind.forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %-22s %3d / %3d%n", kind, n[1], n[0]));
    }

    @Test
    void theCorpusHoldsAtLeast250CasesAndCountsThemPerInputKind() throws IOException {
        Map<String, Long> perKind = cases().stream()
                .collect(Collectors.groupingBy(CorpusCatalogue.Case::kind, TreeMap::new, Collectors.counting()));
        System.out.println("bad-input corpus: cases per input kind");
        perKind.forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %-22s %3d%n", kind, n));
        long total = perKind.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("  total                  " + total);
        assertTrue(total >= MIN_CASES, "the corpus has " + total + " cases; at least " + MIN_CASES);
    }

    @Test
    void everyCaseExpectsAtLeastOneLineAndNamesAKnownCommand() throws IOException {
        TreeSet<String> commands = new TreeSet<>(List.of("run", "validate", "list", "sweep", "capacity", "fuzz", "failover",
                "check-history", "disk-check", "help"));
        for (CorpusCatalogue.Case c : cases()) {
            assertTrue(!c.prefixes().isEmpty(), c.label() + ": no expected line");
            List<String> words = CorpusCatalogue.words(c.arguments());
            assertTrue(words.isEmpty() || commands.contains(words.get(0)) || words.get(0).startsWith("-")
                    || c.kind().equals("cli"), c.label() + ": unknown command");
        }
    }

    /** Expands the catalogue's placeholders. */
    private record Expander(String corpus, Path tmp, Path big) {
        String expand(String s) {
            return s.replace("{corpus}", corpus).replace("{out}", tmp.resolve("out").toString())
                    .replace("{tmp}", tmp.toString()).replace("{big}", big.toString());
        }
    }
}
