package io.stormglass.scenario.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.raft.client.Operation;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Histories are read line by line; every mistake is one located line naming the file. */
class HistoryFilesTest {
    private static final String INVOKE = "{\"time_ns\":%s,\"process\":%s,\"type\":\"invoke\",\"f\":\"read\",\"key\":\"k\"}";
    private static final String OK = "{\"time_ns\":%s,\"process\":%s,\"type\":\"ok\",\"f\":\"%s\",\"key\":\"k\"}";

    @TempDir
    Path dir;

    private String refusal(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        ScenarioException e = assertThrows(ScenarioException.class, () -> HistoryFiles.read(file));
        assertEquals(1, e.problems().size());
        return e.problems().get(0).oneLine().replace(dir + "/", "");
    }

    @Test
    void idsAndTimesAreWholeNumbersInRange() throws IOException {
        assertEquals("h.jsonl:1: process: expected a whole number from 0 to 2147483647, got \"99999999999\"",
                refusal("h.jsonl", INVOKE.formatted("1", "99999999999")));
        assertEquals("h.jsonl:1: time_ns: expected a whole number from 0 to 9223372036854775806, got \"1.5\"",
                refusal("h.jsonl", INVOKE.formatted("1.5", "1")));
        assertEquals("h.jsonl:1: time_ns: expected a whole number from 0 to 9223372036854775806, got \"-5\"",
                refusal("h.jsonl", INVOKE.formatted("-5", "1")));
        assertEquals("h.jsonl:1: time_ns: expected a whole number from 0 to 9223372036854775806, got \"99999999999999999999\"",
                refusal("h.jsonl", INVOKE.formatted("99999999999999999999", "1")));
        assertEquals("h.jsonl:1: time_ns: expected a whole number from 0 to 9223372036854775806, got the text \"1\"",
                refusal("h.jsonl", INVOKE.formatted("\"1\"", "1")));
        assertEquals("j.log:1: expected a process number from 0 to 2147483647, got \"99999999999\"",
                refusal("j.log", "INFO  jepsen.util - 99999999999\t:invoke\t:read\tnil"));
    }

    @Test
    void aCompletionMatchesItsInvocationAndComesAfterIt() throws IOException {
        assertEquals("h.jsonl:2: completes before its invocation (line 1, time 5), at 2",
                refusal("h.jsonl", INVOKE.formatted("5", "1"), OK.formatted("2", "1", "read")));
        assertEquals("h.jsonl:2: process 1 completes a write but invoked a read (line 1)",
                refusal("h.jsonl", INVOKE.formatted("1", "1"), OK.formatted("2", "1", "write")));
    }

    @Test
    void malformedJsonIsLocatedWithoutTheParsersInternals() throws IOException {
        assertEquals("h.jsonl:1:62: not valid JSON: the text ends early (a closing } or ] or \" is missing)",
                refusal("h.jsonl", "{\"time_ns\":1,\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"key\":\"k\""));
        assertEquals("h.jsonl:1:68: not valid JSON: duplicate key \"key\"",
                refusal("h.jsonl", "{\"time_ns\":1,\"process\":1,\"type\":\"invoke\",\"f\":\"read\",\"key\":\"k\",\"key\":\"j\"}"));
        assertEquals("h.jsonl:1: expected a JSON object per line, got a list", refusal("h.jsonl", "[1, 2]"));
        assertEquals("h.jsonl: the file is empty; expected a history (Stormglass's JSONL or a Jepsen register log)",
                refusal("h.jsonl", ""));
    }

    @Test
    void aByteOrderMarkAndCrlfAreFineAndLargeHistoriesStream() throws IOException {
        Path file = dir.resolve("bom.jsonl");
        StringBuilder b = new StringBuilder("\uFEFF");
        for (int i = 0; i < 20_000; i++) {
            b.append(INVOKE.formatted(2 * i, i % 7)).append("\r\n").append(OK.formatted(2 * i + 1, i % 7, "read")).append("\r\n");
        }
        Files.writeString(file, b, StandardCharsets.UTF_8);
        List<Operation> ops = HistoryFiles.read(file);
        assertEquals(20_000, ops.size());
    }
}
