package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.output.OutputMarker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's output rules through the command line: a destination that holds what Stormglass did
 * not write is refused before anything runs (exit 2, one line, the files kept), an earlier output
 * of the same kind is replaced, and nothing is left beside the destination.
 */
class OutputSafetyTest {
    static final String SCENARIO = Library.file("safety-fuzz.yaml");
    static final String SHORT = "duration=1s";

    @TempDir
    Path dir;

    static CliRunner.Result run(Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", SCENARIO, "--set", SHORT, "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** One line on standard error, no stack trace, nothing on standard output. */
    static void refusedOnOneLine(CliRunner.Result r, String starts) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out() + r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(starts), lines.get(0));
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }

    private List<String> leftovers(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".partial-") || n.contains(".old-")).toList();
        }
    }

    @Test
    void aNonEmptyForeignFolderIsRefusedAndKept() throws Exception {
        Path v = Files.createDirectories(dir.resolve("v"));
        Files.writeString(v.resolve("k"), "keep");
        CliRunner.Result r = run(v);
        refusedOnOneLine(r, "stormglass: --out: expected an empty folder or an earlier Stormglass output, found ");
        assertTrue(r.err().contains("(k)") && r.err().contains("--force"), r.err());
        assertEquals("keep", Files.readString(v.resolve("k")));
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void dotTheEmptyPathAFileAndTheRootAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
        refusedOnOneLine(run(Path.of(".")), "stormglass: --out: expected a folder of its own");
        refusedOnOneLine(run(Path.of(".."), "--force"), "stormglass: --out: expected a folder of its own");
        refusedOnOneLine(run(Path.of("."), "--force"), "stormglass: --out: ");
        refusedOnOneLine(CliRunner.run("run", SCENARIO, "--out", ""), "stormglass: --out: expected a path, found an empty one");
        refusedOnOneLine(run(file), "stormglass: --out: expected a folder, found the file");
        refusedOnOneLine(run(Path.of("/"), "--force"), "stormglass: --out: expected a folder of its own, found the root folder");
        refusedOnOneLine(run(Path.of(System.getProperty("user.home")), "--force"), "stormglass: --out: ");
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aScenariosOutputsDirIsRefusedWithItsLocation() throws Exception {
        Path v = Files.createDirectories(dir.resolve("v"));
        Files.writeString(v.resolve("k"), "keep");
        String text = Files.readString(Path.of(SCENARIO), StandardCharsets.UTF_8).replace("outputs:\n", "outputs:\n  dir: " + v + "\n");
        Path scenario = Files.writeString(dir.resolve("with-dir.yaml"), text);
        int line = text.lines().toList().indexOf("  dir: " + v) + 1;
        refusedOnOneLine(CliRunner.run("run", scenario.toString(), "--set", SHORT),
                scenario + ":" + line + ":8: outputs.dir: expected an empty folder or an earlier Stormglass output");
        Path dot = Files.writeString(dir.resolve("dot.yaml"), text.replace("  dir: " + v, "  dir: ."));
        refusedOnOneLine(CliRunner.run("run", dot.toString(), "--set", SHORT), dot + ":" + line + ":8: outputs.dir: expected a folder of its own");
        refusedOnOneLine(CliRunner.run("run", SCENARIO, "--set", SHORT, "--set", "outputs.dir=" + v),
                "--set:2:1: outputs.dir: expected an empty folder");
        assertEquals("keep", Files.readString(v.resolve("k")));
    }

    @Test
    void aSecondRunReplacesTheFirstAndForceReplacesAForeignFolderButNeverDot() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(ExitCodes.OK, run(out).exitCode());
        assertTrue(Files.readString(out.resolve(OutputMarker.FILE)).contains("kind: run"));
        Files.writeString(out.resolve("scratch.txt"), "from the first run's time");
        CliRunner.Result second = run(out, "--seed", "2");
        assertEquals(ExitCodes.OK, second.exitCode(), second.err());
        assertFalse(Files.exists(out.resolve("scratch.txt")), "the earlier run's folder was replaced as a whole");
        assertTrue(Files.readString(out.resolve(OutputMarker.FILE)).contains("--seed 2"));

        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("k"), "theirs");
        CliRunner.Result forced = run(foreign, "--force");
        assertEquals(ExitCodes.OK, forced.exitCode(), forced.err());
        assertFalse(Files.exists(foreign.resolve("k")));
        assertTrue(Files.exists(foreign.resolve("summary.json")));
        assertEquals(List.of(), leftovers(dir));
    }

    @Test
    void anotherKindsOutputIsRefused() throws Exception {
        Path out = dir.resolve("run");
        assertEquals(ExitCodes.OK, run(out).exitCode());
        CliRunner.Result r = CliRunner.run("fuzz", SCENARIO, "--seeds", "1", "--set", SHORT, "--out", out.toString());
        refusedOnOneLine(r, "stormglass: --out: expected an empty folder or a fuzz campaign written earlier, found a run");
        assertTrue(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void aStaleStagingFolderOfADeadProcessIsRemovedByTheNextRun() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Path stale = Files.createDirectories(dir.resolve(".run.partial-" + p.pid() + "-killed"));
        Files.writeString(stale.resolve("metrics.csv"), "cut short by kill -9");
        assertEquals(ExitCodes.OK, run(dir.resolve("run")).exitCode());
        assertFalse(Files.exists(stale));
        assertEquals(List.of(), leftovers(dir));
    }
}
