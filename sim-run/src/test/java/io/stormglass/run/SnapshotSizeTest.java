package io.stormglass.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot a replacement member gets is the leader's database file (issue 20): a longer history
 * makes a bigger file, so a bigger and longer transfer; a compaction and defragmentation first make
 * it smaller. The library's {@code member-replace.yaml}, shortened, on its Ceph VMs and 1 Gbit/s NICs.
 */
class SnapshotSizeTest {
    private static final Pattern SENT = Pattern.compile("\"msg\":\"sending database snapshot\".*\"bytes\":\"(\\d+)\"");
    private static final Pattern SAVED = Pattern.compile("\"msg\":\"received and saved database snapshot\".*"
            + "\"incoming-snapshot-size-bytes\":\"(\\d+)\"");

    /** Bytes of the one snapshot sent, the receiver's saved size, and the send's duration in nanoseconds. */
    private record Sent(long bytes, long savedBytes, long sendNanos) {
    }

    private static Sent run(Path dir, String faults) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("../scenarios/member-replace.yaml"), List.of("duration=20s", "warmup=1s",
                "workload.clients=4", "workload.preload=200", "workload.keys.count=200", "cluster.snapshot-count=500",
                "cluster.snapshot-catch-up-entries=50", "outputs.report=false", "faults=[" + faults + "]"));
        RunResult r = Runner.run(s, new Runner.Options(dir, "test", "test", MemberObserver.NONE, ProgressListener.NONE));
        List<Long> sent = matches(SENT, r.outDir().resolve("logs/n2.log"));
        List<Long> saved = matches(SAVED, r.outDir().resolve("logs/n4.log"));
        assertEquals(1, sent.size(), "one snapshot, from the leader n2");
        LatencyRecorder took = r.recorder().latencies().get(Metric.SNAPSHOT_SEND_DURATION.id("n2", "n4"));
        assertEquals(1, took.count(), "etcd_network_snapshot_send_total_duration_seconds counts it");
        return new Sent(sent.get(0), saved.get(0), took.maxNanos());
    }

    private static List<Long> matches(Pattern p, Path log) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                out.add(Long.parseLong(m.group(1)));
            }
        }
        return out;
    }

    @Test
    void theSnapshotIsTheDatabaseFileAndGrowsWithItsHistory(@TempDir Path tmp) throws Exception {
        Sent early = run(tmp.resolve("early"), "{at: 3s, crash: 3}, {at: 6s, member-replace: {member: 3, with: 4}}");
        Sent late = run(tmp.resolve("late"), "{at: 3s, crash: 3}, {at: 16s, member-replace: {member: 3, with: 4}}");
        Sent defragged = run(tmp.resolve("defragged"), "{at: 3s, crash: 3}, {at: 14s, compact: leader}, {at: 15s, defrag: all},"
                + " {at: 16s, member-replace: {member: 3, with: 4}}");
        assertEquals(early.bytes(), early.savedBytes(), "the receiver saves the file the leader sent");
        assertTrue(late.bytes() > early.bytes() * 3 / 2, "ten more seconds of history, a bigger file: " + early + " " + late);
        assertTrue(late.sendNanos() > early.sendNanos(), "and a longer send: " + early + " " + late);
        assertTrue(late.sendNanos() > late.bytes() * 8, "at least the body's time on the 1 Gbit/s NIC: " + late);
        assertTrue(defragged.bytes() < late.bytes() / 2, "compacted and defragmented, the file is smaller: " + defragged + " " + late);
        assertTrue(defragged.sendNanos() < late.sendNanos(), "and quicker to send: " + defragged + " " + late);
    }
}
