package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.check.linearizability.Budget;
import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.check.linearizability.LinearizabilityChecker;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.scenario.history.JsonlHistory;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerTest {
    private static final long S = TestScenarios.S;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Runner.Options to(Path dir) {
        return new Runner.Options(dir, "./stormglass run test.yaml", "name: test", MemberObserver.NONE, ProgressListener.NONE);
    }

    @Test
    void aRunWritesItsFolderAndTheSameSeedGivesTheSameRun(@TempDir Path tmp) throws Exception {
        Scenario s = TestScenarios.nvme(30 * S);
        RunResult a = Runner.run(s, to(tmp.resolve("a")));
        RunResult b = Runner.run(s, to(tmp.resolve("b")));
        RunResult other = Runner.run(s.withSeed(2), Runner.Options.inMemory());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), other.fingerprint());
        for (String f : List.of("summary.json", "events.jsonl", "metrics.csv", "report.html", "history.jsonl",
                "logs/n1.log", "logs/n2.log", "logs/n3.log", "leader-timeline.png", "wal-fsync.svg")) {
            assertTrue(Files.isRegularFile(a.outDir().resolve(f)), f);
        }
        JsonNode summaryA = JSON.readTree(a.outDir().resolve("summary.json").toFile());
        JsonNode summaryB = JSON.readTree(b.outDir().resolve("summary.json").toFile());
        ((ObjectNode) summaryA).remove("wall_seconds");
        ((ObjectNode) summaryB).remove("wall_seconds");
        assertEquals(summaryA, summaryB, "identical apart from wall_seconds");
        for (String key : List.of("scenario", "seed", "fingerprint", "simulated_seconds", "events", "leader_changes",
                "leader_change_times_s", "slow_fdatasync_warnings", "heartbeat_send_failures", "wal_fsync_ms", "client")) {
            assertTrue(summaryA.has(key), key);
        }
        assertEquals(a.fingerprint(), summaryA.get("fingerprint").asText());
        assertTrue(summaryA.get("client").get("requests").asLong() > 1000);
        assertTrue(summaryA.get("wal_fsync_ms").get("p99").asDouble() > 0);
        assertEquals(Files.readString(a.outDir().resolve("logs/n1.log")), Files.readString(b.outDir().resolve("logs/n1.log")));
    }

    @Test
    void theHistoryOfARunWithCrashesIsLinearizable(@TempDir Path tmp) throws Exception {
        Scenario s = TestScenarios.threeMembers("crashes", io.stormglass.disk.model.NvmeDisk.Options.defaults(false), null,
                60 * S, List.of(new FaultSpec.MemberCrash(new FaultSpec.Timing(10 * S, 5 * S, 15 * S, 0), 1, CrashMode.TORN_UNSYNCED),
                        new FaultSpec.LeaderCrash(FaultSpec.Timing.once(33 * S, 4 * S), CrashMode.DROP_UNSYNCED)), true);
        RunResult r = Runner.run(s, to(tmp.resolve("run")));
        List<String> lines = Files.readAllLines(r.outDir().resolve("history.jsonl"));
        var ops = JsonlHistory.parse("history.jsonl", lines);
        assertTrue(ops.size() > 1000);
        CheckResult check = new LinearizabilityChecker(Budget.steps(100_000_000)).check(ops);
        assertInstanceOf(CheckResult.Linearizable.class, check, check.toString());
        String events = Files.readString(r.outDir().resolve("events.jsonl"));
        assertTrue(events.contains("\"node_crashed\""), "crashes are on the timeline");
        assertTrue(events.contains("\"node_restarted\""));
    }

    @Test
    void aFailedRunLeavesNoFolderBehind(@TempDir Path tmp) throws Exception {
        Scenario good = TestScenarios.nvme(5 * S);
        Scenario bad = TestScenarios.threeMembers("bad", io.stormglass.disk.model.NvmeDisk.Options.defaults(false), null,
                5 * S, List.of(new FaultSpec.DiskFault(FaultSpec.Timing.once(S, S), "no-such-device",
                        new io.stormglass.disk.fault.DeviceFault.Stall())), false);
        Path out = tmp.resolve("out");
        Runner.run(good, to(out));
        String before = Files.readString(out.resolve("summary.json"));
        assertThrows(RuntimeException.class, () -> Runner.run(bad, to(out)));
        assertEquals(before, Files.readString(out.resolve("summary.json")), "the previous folder is intact");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("out"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder left");
        }
        assertFalse(Files.exists(tmp.resolve("none")));
    }
}
