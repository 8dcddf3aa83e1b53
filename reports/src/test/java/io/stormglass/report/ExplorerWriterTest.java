package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.report.explorer.ExplorerTrace;
import io.stormglass.report.explorer.ExplorerTrace.Beat;
import io.stormglass.report.explorer.ExplorerTrace.Fsync;
import io.stormglass.report.explorer.ExplorerTrace.RequestSpan;
import io.stormglass.report.explorer.ExplorerTrace.Stage;
import io.stormglass.report.explorer.ExplorerTrace.Vote;
import io.stormglass.report.explorer.ExplorerWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer of the synthetic incident (n1 leads; its fdatasync stalls at 40.2 s for 2.14 s behind
 * a Prometheus burst; n2 wins at 41.35 s), with a hand-made trace of what the run's observers saw.
 */
class ExplorerWriterTest {
    private static final long MS = 1_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    static ExplorerTrace trace() {
        List<Beat> beats = new ArrayList<>();
        for (long t = 1_000; t <= 40_100; t += 100) {
            beats.add(new Beat(1, t * MS));
        }
        beats.add(new Beat(2, 41_360 * MS));
        TreeMap<String, Integer> ahead = new TreeMap<>();
        ahead.put("prometheus", 37);
        ahead.put("n1/data", 1);
        List<Fsync> fsyncs = List.of(
                new Fsync(1, 40_000 * MS, 40_002 * MS, "ceph-n1", new TreeMap<>()),
                new Fsync(1, 40_200 * MS, 42_340 * MS, "ceph-n1", ahead));
        List<Vote> votes = List.of(new Vote(41_260 * MS, 2, 3, 3, true, true), new Vote(41_310 * MS, 2, 3, 3, false, true));
        RequestSpan slow = new RequestSpan(1, 77, true, List.of(new Stage("received", 40_150 * MS),
                new Stage("proposed", 40_151 * MS), new Stage("answered", 42_400 * MS)));
        return new ExplorerTrace(fsyncs, List.of(), beats, votes, List.of(), List.of(slow), 0);
    }

    @Test
    void theStoryOfTheFirstChangeNamesItsCauseInOrder(@TempDir Path dir) throws Exception {
        ExplorerWriter.writeInto(SyntheticRun.incident().build(), trace(), dir);
        JsonNode data = ExplorerWriter.dataOf(dir);
        JsonNode first = data.get("leaderChanges").get(0);
        assertEquals(1, first.get("from").asInt());
        assertEquals(2, first.get("to").asInt());
        List<String> story = new ArrayList<>();
        first.get("story").forEach(l -> story.add(l.asText()));
        assertEquals(5, story.size(), story.toString());
        assertTrue(story.get(0).contains("last heartbeat before the change left at 0:00:40.100"), story.get(0));
        assertTrue(story.get(1).contains("blocked in a WAL fdatasync on ceph-n1 from 0:00:40.200 to 0:00:42.340 (2.14 s)"),
                story.get(1));
        assertTrue(story.get(1).contains("38 requests were queued ahead of it, 37 put there by prometheus, 1 put there by n1/data"),
                story.get(1));
        assertTrue(story.get(1).contains("prometheus: head-block write"), "the neighbour's burst is named: " + story.get(1));
        assertTrue(story.get(2).startsWith("n2's election timer fired first, at 0:00:41.250"), story.get(2));
        assertTrue(story.get(2).contains("a pre-vote for term 3"), story.get(2));
        assertTrue(story.get(3).contains("n3 granted n2's pre-vote (term 3) at 0:00:41.260"), story.get(3));
        assertTrue(story.get(4).contains("its first heartbeat left at 0:00:41.360"), story.get(4));
        assertEquals(40.2, first.get("highlight").get("fsync").get(1).asDouble(), 1e-9);
        assertEquals(1, data.get("requests").get("spans").size());
    }

    @Test
    void thePageIsSelfContained(@TempDir Path dir) throws Exception {
        ExplorerWriter.writeInto(SyntheticRun.incident().build(), trace(), dir);
        String html = Files.readString(dir.resolve(ExplorerWriter.EXPLORER_HTML), StandardCharsets.UTF_8);
        assertFalse(html.contains("/*DATA*/") || html.contains("/*APP_JS*/") || html.contains("/*UPLOT_JS*/"), "placeholders filled");
        assertFalse(html.contains("<script src") || html.contains("<link ") || html.contains("fetch(")
                || html.contains("XMLHttpRequest"), "nothing is loaded from elsewhere");
        assertTrue(html.contains("default-src 'none'"), "the page forbids itself any request");
        assertTrue(html.contains("uPlot"), "the charting library is inlined");
        int data = html.indexOf("<script id=\"explorer-data\"");
        String json = html.substring(html.indexOf('>', data) + 1, html.indexOf("</script>", data));
        assertEquals(ExplorerWriter.dataOf(dir), JSON.readTree(json), "the page carries the data");
        assertFalse(Files.exists(dir.resolve(ExplorerWriter.EXPLORER_JSON)), "the data is written once, in the page");
    }

    @Test
    void theTraceShowsTheRaftLoopBlockedInTheFdatasync(@TempDir Path dir) throws Exception {
        ExplorerWriter.writeInto(SyntheticRun.incident().build(), trace(), dir);
        JsonNode events = JSON.readTree(dir.resolve(ExplorerWriter.TRACE_JSON).toFile()).get("traceEvents");
        JsonNode longest = null;
        int requests = 0;
        for (JsonNode e : events) {
            if ("X".equals(e.path("ph").asText()) && e.get("name").asText().startsWith("fdatasync")
                    && (longest == null || e.get("dur").asDouble() > longest.get("dur").asDouble())) {
                longest = e;
            }
            requests += "b".equals(e.path("ph").asText()) ? 1 : 0;
        }
        assertEquals(1, longest.get("pid").asInt());
        assertEquals(40_200_000.0, longest.get("ts").asDouble(), 1e-6, "microseconds of simulated time");
        assertEquals(2_140_000.0, longest.get("dur").asDouble(), 1e-6);
        assertEquals(37, longest.get("args").get("queued ahead: prometheus").asInt());
        assertEquals(1, requests, "the sampled request is an async slice");
    }

    @Test
    void exploreRendersThePageAgainFromTheData(@TempDir Path dir) throws Exception {
        ExplorerWriter.writeInto(SyntheticRun.incident().build(), trace(), dir);
        String before = Files.readString(dir.resolve(ExplorerWriter.EXPLORER_HTML));
        Path again = dir.resolve("again.html");
        ExplorerWriter.renderFromFolder(dir, again);
        assertEquals(before, Files.readString(again));
    }
}
