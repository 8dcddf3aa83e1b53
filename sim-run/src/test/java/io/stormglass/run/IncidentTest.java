package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001 end to end, from the library's scenario file: a Prometheus head-block burst behind the
 * Ceph IOPS cap stalls the leader's fdatasync for seconds and the followers elect another leader;
 * without Prometheus nothing happens. Nothing of this is scripted in the scenario. Shortened so
 * that the burst falls four minutes in (see {@code library/incident-short.yaml}).
 */
class IncidentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path resource(String name) {
        return Path.of("src/test/resources/library", name);
    }

    private static JsonNode run(Scenario s, Path dir) throws Exception {
        RunResult r = Runner.run(s, new Runner.Options(dir, "test", "", MemberObserver.NONE, ProgressListener.NONE));
        JsonNode summary = JSON.readTree(r.outDir().resolve("summary.json").toFile());
        assertEquals(r.fingerprint(), summary.get("fingerprint").asText());
        return summary;
    }

    @Test
    void aHeadBlockBurstOnTheLeadersDiskChangesTheLeaderAndTheSameSeedReplaysIt(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(resource("incident-short.yaml"));
        JsonNode first = run(s, tmp.resolve("a"));
        assertTrue(first.get("leader_changes").asInt() >= 1, "a leader change: " + first);
        assertTrue(first.get("slow_fdatasync_warnings").asInt() >= 1, "slow fdatasync logged");
        assertTrue(first.get("wal_fsync_ms").get("max").asDouble() > 1000, "an fdatasync over a second");
        assertTrue(first.get("wal_fsync_ms").get("p99").asDouble() < 10, "outside the burst fsync is fast");
        double change = first.get("leader_change_times_s").get(0).asDouble();
        assertTrue(change > 240 && change < 300, "the change follows the burst at ~4 min: " + change);

        JsonNode second = run(s, tmp.resolve("b"));
        ((ObjectNode) first).remove("wall_seconds");
        ((ObjectNode) second).remove("wall_seconds");
        assertEquals(first, second, "the same seed gives the same summary.json (apart from wall_seconds)");
        JsonNode other = run(s.withSeed(2), tmp.resolve("c"));
        assertNotEquals(first.get("fingerprint"), other.get("fingerprint"));
    }

    @Test
    void withPrometheusMovedAwayNothingHappens(@TempDir Path tmp) throws Exception {
        JsonNode fixed = run(ScenarioLoader.load(resource("incident-short-fixed.yaml")), tmp.resolve("fixed"));
        assertEquals(0, fixed.get("leader_changes").asInt());
        assertEquals(0, fixed.get("slow_fdatasync_warnings").asInt());
        assertTrue(fixed.get("wal_fsync_ms").get("max").asDouble() < 100, fixed.get("wal_fsync_ms").toString());
    }
}
