package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stormglass.engine.event.EventKind;
import io.stormglass.run.Runner;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes by failure kind: a safety failure (1) differs from a liveness-only failure (4) and
 * from a bug in Stormglass (70, one line naming a log with the stack trace, no staging folder
 * left); an output that cannot be written is 74; a command-line mistake is one line (2).
 */
class ExitCodesTest {
    static final Path HISTORIES = Path.of("src/test/resources/histories");

    @TempDir
    Path dir;

    @AfterEach
    void noHook() {
        RunCommand.testHook = Runner.AssemblyHook.NONE;
    }

    private CliRunner.Result run(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", OutputSafetyTest.SCENARIO, "--set", OutputSafetyTest.SHORT,
                "--out", dir.resolve("run").toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Makes an event inside the simulation throw {@code failure} half a second in. */
    private static void failInside(RuntimeException failure) {
        RunCommand.testHook = (sim, recorder) -> sim.scheduleAt(500_000_000L, EventKind.named("test.failure"), 0, () -> {
            throw failure;
        });
    }

    @Test
    void aPassingRunIsZeroALivenessOnlyFailureFourAndAPanicOne() {
        assertEquals(ExitCodes.OK, run().exitCode());
        CliRunner.Result liveness = run("--set", "checks.liveness=1ms");
        assertEquals(ExitCodes.LIVENESS_FAILURE, liveness.exitCode(), liveness.out());
        assertTrue(liveness.out().contains("checks FAILED: LIVENESS"), liveness.out());
        failInside(new IllegalStateException("a member broke an invariant"));
        CliRunner.Result panic = run();
        assertEquals(ExitCodes.SAFETY_VIOLATION, panic.exitCode(), panic.out());
        assertTrue(panic.out().contains("checks FAILED: PANIC"), panic.out());
    }

    @Test
    void anInternalErrorIsSeventyOnOneLineWithTheStackTraceInALogBesideTheOutput() throws Exception {
        RunCommand.testHook = (sim, recorder) -> {
            throw new IllegalStateException("assembly went wrong");
        };
        CliRunner.Result r = run();
        assertEquals(ExitCodes.INTERNAL_ERROR, r.exitCode(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("stormglass:")).toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("stormglass: internal error (a bug in Stormglass): assembly went wrong; details in "
                + dir.resolve("stormglass-error-")), lines.get(0));
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        List<String> names = names();
        assertEquals(1, names.size(), "only the log, no staging folder: " + names);
        String log = Files.readString(dir.resolve(names.get(0)));
        assertTrue(log.contains("IllegalStateException: assembly went wrong") && log.contains("\tat "), log);
    }

    @Test
    void runningOutOfMemoryOrStackInsideTheSimulationIsAnInternalErrorNotAPanic() throws Exception {
        RunCommand.testHook = (sim, recorder) -> sim.scheduleAt(500_000_000L, EventKind.named("test.oom"), 0, () -> {
            throw new OutOfMemoryError("Java heap space");
        });
        CliRunner.Result oom = run();
        assertEquals(ExitCodes.INTERNAL_ERROR, oom.exitCode(), oom.out() + oom.err());
        assertTrue(oom.err().contains("internal error (a bug in Stormglass): out of memory (Java heap space)"), oom.err());
        RunCommand.testHook = (sim, recorder) -> sim.scheduleAt(500_000_000L, EventKind.named("test.so"), 0, () -> {
            throw new StackOverflowError();
        });
        CliRunner.Result so = run();
        assertEquals(ExitCodes.INTERNAL_ERROR, so.exitCode(), so.out() + so.err());
        assertTrue(so.err().contains("stack overflow"), so.err());
        assertTrue(names().stream().noneMatch(n -> n.contains(".partial-")), names().toString());
    }

    @Test
    void aWitnessPageOnAFullDiskIsSeventyFourAndAForeignPageIsKept() throws Exception {
        String bad = HISTORIES.resolve("lock-double-owner.jsonl").toString();
        Path mine = Files.writeString(dir.resolve("mine.html"), "<html>my notes</html>");
        OutputSafetyTest.refusedOnOneLine(CliRunner.run("check-history", bad, "--html", mine.toString()),
                "stormglass: --html: expected a new file or a check-history witness page written earlier");
        assertEquals("<html>my notes</html>", Files.readString(mine));
        Path page = dir.resolve("w.html");
        assertEquals(ExitCodes.NOT_LINEARIZABLE, CliRunner.run("check-history", bad, "--html", page.toString()).exitCode());
        assertEquals(ExitCodes.NOT_LINEARIZABLE, CliRunner.run("check-history", bad, "--html", page.toString()).exitCode(),
                "an earlier witness page is replaced");
        assertEquals(List.of("mine.html", "w.html"), names());
        assumeTrue(Files.exists(Path.of("/dev/full")));
        CliRunner.Result full = CliRunner.run("check-history", bad, "--force", "--html", "/dev/full");
        assertEquals(ExitCodes.CANNOT_WRITE, full.exitCode(), full.err());
        assertEquals(List.of("stormglass: cannot write the output: /dev/full: no space left on device"), full.err().lines().toList());
    }

    @Test
    void standardOutputOnAFullDiskIsSeventyFour() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")));
        PrintStream oldOut = System.out;
        try (PrintStream full = new PrintStream(new FileOutputStream("/dev/full"), true, "UTF-8")) {
            System.setOut(full);
            int code = StormglassCli.execute("check-history", HISTORIES.resolve("lock-ok.jsonl").toString());
            assertEquals(ExitCodes.CANNOT_WRITE, code);
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void aCommandLineMistakeIsOneLineAndHelpListsTheExitCodes() {
        CliRunner.Result r = CliRunner.run("run", OutputSafetyTest.SCENARIO, "--outt", "x");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("stormglass: --outt: unknown option; did you mean --out?"), r.err());
        assertEquals(1, CliRunner.run("run").err().lines().count());
        CliRunner.Result help = CliRunner.run("--help");
        for (String code : List.of("0 ", "1 ", "2 ", "3 ", "4 ", "70 ", "74 ", "130 ", "143 ")) {
            assertTrue(help.out().contains("\n  " + code), code + " in " + help.out());
        }
        assertTrue(help.out().contains("--force"), help.out());
    }
}
