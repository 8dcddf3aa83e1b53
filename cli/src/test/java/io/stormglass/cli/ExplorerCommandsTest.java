package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explore}, {@code export} and {@code diff} on run folders, and their refusals of anything else. */
class ExplorerCommandsTest {
    private static Path run(Path dir, String name, String seed) {
        Path out = dir.resolve(name);
        CliRunner.Result r = CliRunner.run("run", OutputSafetyTest.SCENARIO, "--set", "duration=5s", "--set", "outputs.report=true", "--seed", seed,
                "--out", out.toString());
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        return out;
    }

    @Test
    void exploreExportAndDiffReadRunFolders(@TempDir Path dir) throws Exception {
        Path a = run(dir, "a", "1");
        Path c = run(dir, "c", "2");
        String page = Files.readString(a.resolve("explorer.html"));
        // an older page: other scripts around the same data element
        int data = page.indexOf("<script id=\"explorer-data\"");
        Files.writeString(a.resolve("explorer.html"), "<html><!-- older -->" + page.substring(data, page.indexOf("</script>", data) + 9));
        CliRunner.Result explore = CliRunner.run("explore", a.toString());
        assertEquals(ExitCodes.OK, explore.exitCode(), explore.err());
        assertEquals(page, Files.readString(a.resolve("explorer.html")), "this version's page again, from the data in the old one");
        assertTrue(Files.notExists(a.resolve("explorer.json")), "the data is written once, in the page");

        CliRunner.Result export = CliRunner.run("export", a.toString(), "--start", "2026-03-01T00:00:00Z");
        assertEquals(ExitCodes.OK, export.exitCode(), export.err());
        List<String> om = Files.readAllLines(a.resolve("metrics.openmetrics.txt"));
        assertEquals("# EOF", om.get(om.size() - 1));
        assertTrue(om.stream().anyMatch(l -> l.startsWith("etcd_server_leader_changes_seen_total{member=\"n1\"} 1 1772323")),
                "the first election, stamped from 2026-03-01: " + om.stream().filter(l -> l.contains("leader_changes")).toList());

        CliRunner.Result same = CliRunner.run("diff", a.toString(), a.toString());
        assertEquals(ExitCodes.OK, same.exitCode(), same.err());
        assertTrue(same.out().contains("events.jsonl: identical"), same.out());
        CliRunner.Result other = CliRunner.run("diff", a.toString(), c.toString());
        assertTrue(other.out().contains("events.jsonl: first divergence at line"), other.out());
        assertTrue(other.out().lines().anyMatch(l -> l.startsWith("seed") && l.endsWith("≠")), other.out());
    }

    @Test
    void aFolderThatIsNotARunIsRefusedOnOneLine(@TempDir Path dir) throws Exception {
        for (String command : List.of("explore", "export")) {
            CliRunner.Result r = CliRunner.run(command, dir.toString());
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), command);
            assertEquals(List.of("stormglass: " + dir + ": not a run's output folder (no .stormglass-output of a run)"),
                    r.err().lines().toList(), command);
        }
        CliRunner.Result diff = CliRunner.run("diff", dir.toString(), dir.resolve("missing").toString());
        assertEquals(ExitCodes.BAD_INPUT, diff.exitCode());
        CliRunner.Result start = CliRunner.run("export", dir.toString(), "--start", "yesterday");
        assertEquals(List.of("stormglass: --start: expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, found \"yesterday\""),
                start.err().lines().toList());
    }
}
