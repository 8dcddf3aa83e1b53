package io.stormglass.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.report.diff.RunDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiffTest {
    @Test
    void theSameRunTwiceIsIdenticalAndAnEditedTimelineDivergesWhereItWasEdited(@TempDir Path dir) throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        ReportWriter.writeInto(SyntheticRun.incident().build(), a, false);
        ReportWriter.writeInto(SyntheticRun.incident().build(), b, false);
        RunDiff.Result same = RunDiff.compare(a, b);
        assertNull(same.divergence());
        assertEquals(4, same.matched().size(), "the first leader and three changes");
        assertTrue(same.onlyA().isEmpty() && same.onlyB().isEmpty());
        assertTrue(same.figures().stream().noneMatch(RunDiff.Figure::differs));

        List<String> events = new ArrayList<>(Files.readAllLines(b.resolve("events.jsonl")));
        int leader = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).contains("\"role\":\"leader\"") && events.get(i).contains("\"member\":\"n2\"")) {
                leader = i;
                break;
            }
        }
        events.set(leader, events.get(leader).replace("\"member\":\"n2\"", "\"member\":\"n3\""));
        Files.write(b.resolve("events.jsonl"), events);
        RunDiff.Result edited = RunDiff.compare(a, b);
        assertEquals(leader + 1, edited.divergence().line());
        assertEquals(1, edited.onlyA().size(), "n2's leadership is only in A");
        assertEquals("n2", edited.onlyA().get(0).member());
        assertEquals(1, edited.onlyB().size());
    }
}
