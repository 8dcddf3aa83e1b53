package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.experiment.capacity.CapacityLoader;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.experiment.sweep.SweepFileLoader;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The library scenarios ({@code scenarios/*.yaml}), mutated as a careless editor would (lines
 * deleted, duplicated, swapped, re-indented, random tokens, truncation, nasty scalars): 1 000
 * documents per run, each loaded in-process. Every document must be either accepted — and then
 * its {@code --print-config} text loads back to a scenario that prints the same text — or refused
 * cleanly: a {@link ScenarioException} with one or more located problems, each one line without
 * Java class names. Any other exception, or a round trip that changes the text, is a failure.
 * Sweep and capacity files of the library are mutated too and must load or be refused cleanly.
 *
 * <p>Every try is classified and counted (jqwik's statistics); failures are collected and
 * asserted after the last try, so that one run reports all of them (also written to
 * {@code target/mutation-report.txt}).
 */
class MutatedLibraryProperties {
    private static final Path WORK;
    private static final Map<String, String> LIBRARY = new TreeMap<>();
    private static final List<String> FAILURES = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, Integer> OUTCOMES = Collections.synchronizedMap(new TreeMap<>());

    static {
        try {
            WORK = Files.createTempDirectory("mutated-library-");
            // copies beside the mutant, so that extends: and base: resolve as in the library
            try (Stream<Path> files = Files.list(LibraryTest.LIBRARY)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".yaml")).sorted()::iterator) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    LIBRARY.put(p.getFileName().toString(), text);
                    Files.writeString(WORK.resolve(p.getFileName()), text, StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<LibraryMutation> mutations() {
        return Combinators.combine(Arbitraries.of(List.copyOf(LIBRARY.keySet())), Arbitraries.of(LibraryMutation.Kind.class),
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.of(LibraryMutation.NASTY)).as(LibraryMutation::new);
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.OFF)
    void everyMutatedLibraryDocumentIsAcceptedWithARoundTripOrRefusedCleanly(@ForAll("mutations") LibraryMutation m)
            throws IOException {
        String outcome;
        try {
            outcome = check(m);
        } catch (RuntimeException | StackOverflowError e) {
            outcome = "FAILED: " + e.getClass().getSimpleName();
            FAILURES.add(m + " -> " + e.getClass().getName() + ": " + firstLine(String.valueOf(e.getMessage())));
        }
        Statistics.collect(outcome);
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }

    /** Loads the mutant; returns "accepted" or "refused", or records a failure and returns "FAILED: ...". */
    private static String check(LibraryMutation m) throws IOException {
        Path doc = WORK.resolve("mutant-" + m.file());
        String original = LIBRARY.get(m.file());
        Files.writeString(doc, m.apply(original), StandardCharsets.UTF_8);
        try {
            if (original.lines().anyMatch(l -> l.startsWith("base:"))) {
                SweepFileLoader.load(doc);
                return "accepted (sweep)";
            }
            if (m.file().startsWith("capacity-")) {
                CapacityLoader.load(doc);
                return "accepted (capacity)";
            }
            Scenario s = ScenarioLoader.load(doc);
            String printed = ScenarioPrinter.print(s);
            Files.writeString(doc, printed, StandardCharsets.UTF_8);
            String again = ScenarioPrinter.print(ScenarioLoader.load(doc));
            if (!again.equals(printed)) {
                FAILURES.add(m + " -> accepted, but its printed configuration prints differently once loaded: "
                        + firstDifference(printed, again));
                return "FAILED: round trip";
            }
            return "accepted";
        } catch (ScenarioException e) {
            String problem = cleanRefusal(e);
            if (problem != null) {
                FAILURES.add(m + " -> refused, but " + problem);
                return "FAILED: unclean refusal";
            }
            return "refused";
        }
    }

    /** Why a refusal is not clean (null if it is): no problem, or a problem that is not one plain located line. */
    private static String cleanRefusal(ScenarioException e) {
        if (e.problems().isEmpty()) {
            return "with no problem listed";
        }
        for (ScenarioProblem p : e.problems()) {
            String line = p.oneLine();
            if (line.contains("\n") || line.contains("\r")) {
                return "a problem spans lines: " + line.replace("\n", "\\n").replace("\r", "\\r");
            }
            if (p.location() == null || p.location().file() == null || p.location().file().isEmpty()) {
                return "a problem without a location: " + line;
            }
            for (String f : CorpusChecks.FORBIDDEN) {
                if (line.contains(f)) {
                    return "a problem names Java or parser internals ('" + f + "'): " + line;
                }
            }
        }
        return null;
    }

    private static String firstDifference(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String l = i < x.size() ? x.get(i) : "(none)";
            String r = i < y.size() ? y.get(i) : "(none)";
            if (!l.equals(r)) {
                return "line " + (i + 1) + ": '" + l + "' then '" + r + "'";
            }
        }
        return "(same lines)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl);
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    @AfterContainer
    static void everyDocumentWasAcceptedOrRefusedCleanly() throws IOException {
        List<String> failures;
        synchronized (FAILURES) {
            failures = new ArrayList<>(FAILURES);
        }
        List<String> report = new ArrayList<>();
        report.add("mutated library documents by outcome: " + OUTCOMES);
        report.addAll(failures);
        Path out = Path.of("target", "mutation-report.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        io.stormglass.report.AtomicFolder.deleteTree(WORK);
        System.out.println(String.join("\n", report.subList(0, Math.min(report.size(), 40))));
        assertTrue(failures.isEmpty(), failures.size() + " of " + OUTCOMES.values().stream().mapToInt(Integer::intValue).sum()
                + " mutated documents were neither accepted with a round trip nor refused cleanly; the first: "
                + String.join(" | ", failures.subList(0, Math.min(5, failures.size()))));
    }
}
