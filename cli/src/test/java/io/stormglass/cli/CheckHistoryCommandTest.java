package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckHistoryCommandTest {
    private static String fixture(String name) {
        return Path.of("src/test/resources/histories", name).toString();
    }

    @Test
    void aLinearizableJepsenRegisterLog() {
        var r = CliRunner.run("check-history", fixture("jepsen-register-ok.log"), "--model", "register");
        assertEquals(ExitCodes.OK, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("linearizable (5 operations on 1 keys"), r.out());
    }

    @Test
    void aStaleReadInAJepsenLogIsCaught() {
        var r = CliRunner.run("check-history", fixture("jepsen-register-stale.log"));
        assertEquals(ExitCodes.NOT_LINEARIZABLE, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("not linearizable: key \"register\""), r.out());
        assertTrue(r.out().contains("read register -> \"1\""), r.out());
    }

    @Test
    void aJsonlHistoryWithARaceForALock(@TempDir Path tmp) throws Exception {
        assertEquals(ExitCodes.OK, CliRunner.run("check-history", fixture("lock-ok.jsonl")).exitCode());
        Path html = tmp.resolve("witness.html");
        var r = CliRunner.run("check-history", fixture("lock-double-owner.jsonl"), "--html", html.toString());
        assertEquals(ExitCodes.NOT_LINEARIZABLE, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("3 operations"), r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("<svg") && page.contains("cas free→a ok") && page.contains("cas free→b ok"), page);
    }

    @Test
    void anExhaustedBudgetAnswersUnknownWithExitCodeThree(@TempDir Path tmp) throws Exception {
        // 3000 overlapping writes and reads by 10 clients need far more than the 1024 search
        // steps after which the budget is first consulted; a 1 ns budget is spent by then.
        StringBuilder jsonl = new StringBuilder();
        long t = 0;
        for (int i = 0; i < 3000; i++) {
            int client = i % 10;
            boolean write = i % 3 != 0;
            String f = write ? "write" : "read";
            jsonl.append(String.format(java.util.Locale.ROOT,
                    "{\"time_ns\":%d,\"process\":%d,\"type\":\"invoke\",\"f\":\"%s\",\"key\":\"k\",\"value\":\"v%d\"}%n",
                    t, client, f, i));
            jsonl.append(String.format(java.util.Locale.ROOT,
                    "{\"time_ns\":%d,\"process\":%d,\"type\":\"ok\",\"f\":\"%s\",\"key\":\"k\",\"value\":\"v%d\"}%n",
                    t + 25, client, f, write ? i : i - 1));
            t += 3;
        }
        Path history = tmp.resolve("big.jsonl");
        Files.writeString(history, jsonl);
        var r = CliRunner.run("check-history", history.toString(), "--budget", "1ns");
        assertEquals(ExitCodes.UNKNOWN, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("unknown: budget exhausted"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        var missing = CliRunner.run("check-history", "no/such/file.jsonl");
        assertEquals(ExitCodes.BAD_INPUT, missing.exitCode());
        assertEquals("no/such/file.jsonl: no such file", missing.err().trim());
        var badType = CliRunner.run("check-history", fixture("bad-type.jsonl"));
        assertEquals(ExitCodes.BAD_INPUT, badType.exitCode());
        assertTrue(badType.err().trim().endsWith("bad-type.jsonl:2: type: expected invoke, ok, fail or info, got \"started\""),
                badType.err());
        var badBudget = CliRunner.run("check-history", fixture("lock-ok.jsonl"), "--budget", "30");
        assertEquals(ExitCodes.BAD_INPUT, badBudget.exitCode());
        assertTrue(badBudget.err().contains("a unit is required"), badBudget.err());
        assertFalse(badBudget.err().contains("Exception"), "no stack trace for a user mistake");
    }
}
