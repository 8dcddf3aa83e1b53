package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.report.explorer.ExplorerWriter;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer of a real run (the shortened incident: a Prometheus burst stalls the leader's
 * fdatasync four minutes in): its recording only listens, so the run is the same event for event
 * with it (a folder with a report) or without it (in memory); and the story of the leader change
 * names the fdatasync the old leader was blocked in and the neighbour whose writes were queued ahead.
 */
class ExplorerRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExplorerExplainsTheChangeAndChangesNothing(@TempDir Path tmp) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("src/test/resources/library/incident-short.yaml"));
        RunResult written = Runner.run(s, new Runner.Options(tmp.resolve("run"), "test", "", MemberObserver.NONE,
                ProgressListener.NONE));
        RunResult inMemory = Runner.run(s, Runner.Options.inMemory());
        assertEquals(inMemory.fingerprint(), written.fingerprint(), "observers, not events");
        Path dir = written.outDir();
        for (String f : new String[] {"explorer.html", "trace.json"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
        JsonNode data = ExplorerWriter.dataOf(dir);
        JsonNode change = data.get("leaderChanges").get(0);
        String story = change.get("story").toString();
        assertTrue(story.contains("Its raft loop was blocked in a WAL fdatasync on"), story);
        assertTrue(story.contains("put there by prometheus"), story);
        assertTrue(story.contains("election timer fired first"), story);
        assertTrue(story.contains("its first heartbeat left at"), story);
        JsonNode fsync = change.get("highlight").get("fsync");
        assertEquals(change.get("from").asInt(), fsync.get(0).asInt(), "the old leader's fdatasync");
        assertTrue(fsync.get(2).asDouble() - fsync.get(1).asDouble() > 1, "a stall of over a second: " + fsync);
        assertTrue(fsync.get(1).asDouble() < change.get("t").asDouble(), "it began before the change");
        JsonNode spans = data.get("requests").get("spans");
        assertTrue(spans.size() > 10, "sampled requests");
        double slowest = 0;
        for (JsonNode q : spans) {
            JsonNode st = q.get(3);
            slowest = Math.max(slowest, st.get(st.size() - 1).get(1).asDouble() - st.get(0).get(1).asDouble());
        }
        assertTrue(slowest > 1, "the slowest request (held up by the stall) is kept: " + slowest);
        assertFalse(data.get("heartbeats").isEmpty());
    }
}
