package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every malformed scenario of {@code bad/cases.txt} through {@code stormglass validate}: exit code
 * 2, exactly the expected lines (one per problem, each with file:line:column and key path), and
 * never a stack trace.
 */
class BadScenariosTest {
    static final String BAD = "src/test/resources/bad";
    static final String GOOD = "../scenarios/src/test/resources/good";

    record Case(String arguments, List<String> expected) {
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Case current = null;
        for (String line : Files.readAllLines(Path.of(BAD, "cases.txt"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            if (line.startsWith("$ ")) {
                current = new Case(line.substring(2), new ArrayList<>());
                out.add(current);
            } else {
                current.expected().add(expand(line));
            }
        }
        return out;
    }

    private static String expand(String s) {
        return s.replace("{bad}", BAD).replace("{good}", GOOD);
    }

    @TestFactory
    Stream<DynamicTest> eachMalformedScenarioPrintsItsProblemsAndExitsWithTwo() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.arguments(), () -> {
            CliRunner.Result r = CliRunner.run(expand(c.arguments()).split(" "));
            String all = r.out() + r.err();
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), all);
            assertFalse(all.contains("Exception") || all.contains("\tat "), "no stack trace: " + all);
            assertEquals(c.expected(), all.lines().toList());
        }));
    }

    @Test
    void theCatalogueCoversEveryMalformedFileAndAtLeastTwentyCases() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 20, "cases: " + cases.size());
        try (Stream<Path> files = Files.list(Path.of(BAD))) {
            files.filter(p -> p.toString().endsWith(".yaml")).forEach(p -> assertTrue(
                    cases.stream().anyMatch(c -> c.arguments().endsWith("{bad}/" + p.getFileName())),
                    p + " has no case in cases.txt"));
        }
        for (Case c : cases) {
            for (String line : c.expected()) {
                assertTrue(line.matches("\\S+: .+"), "a located one-line message: " + line);
            }
        }
    }

    @Test
    void problemsOfSeveralFilesAreReportedTogetherAndValidFilesStillSayOk() {
        CliRunner.Result r = CliRunner.run("validate", GOOD + "/minimal.yaml", BAD + "/zero-clients.yaml");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals("ok: minimal — the smallest scenario, all defaults", r.out().strip());
        assertEquals(BAD + "/zero-clients.yaml:3:12: workload.clients: must be between 1 and 100000, got 0", r.err().strip());
    }
}
