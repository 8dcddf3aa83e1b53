package io.stormglass.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.server.Flavour;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Election timeouts as ranges, the Raft tick, the plain-Raft flavour and withhold-appends (issue 18). */
class RaftTimingTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private RaftSpec raft(String cluster, String... sets) throws IOException {
        return ScenarioLoader.load(write("s.yaml", "description: x\ncluster:\n" + cluster), List.of(sets)).cluster().raft();
    }

    private List<String> refusal(String text, String... sets) throws IOException {
        Path file = write("bad.yaml", text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(sets)));
        return e.problems().stream().map(p -> p.oneLine().replace(dir + "/", "")).toList();
    }

    @Test
    void etcdDefaultsTickOncePerHeartbeatAndDrawInTToTwoT() throws IOException {
        RaftSpec r = raft("  size: 3\n");
        assertEquals(Flavour.ETCD, r.flavour());
        assertEquals(100 * MS, r.tickIntervalNanos());
        assertEquals(1000 * MS, r.electionTimeoutNanos());
        assertEquals(1900 * MS, r.electionTimeoutMaxNanos(), "[T, 2T) in 100 ms ticks: 10..19 ticks");
        assertTrue(r.preVote() && r.checkQuorum());
        assertTrue(r.startupNote().isEmpty());
    }

    @Test
    void aRangeIsGivenAsMinAndMaxAndPrintsBack() throws IOException {
        RaftSpec r = raft("  election-timeout: {min: 1000ms, max: 1500ms}\n");
        assertEquals(1000 * MS, r.electionTimeoutNanos());
        assertEquals(1500 * MS, r.electionTimeoutMaxNanos());
        Scenario s = ScenarioLoader.load(write("r.yaml", "description: x\ncluster:\n  flavour: plain-raft\n"
                + "  election-timeout: {min: 150ms, max: 155ms}\n"));
        String printed = ScenarioPrinter.print(s);
        assertTrue(printed.contains("election-timeout:\n    min: 150ms\n    max: 155ms"), printed);
        assertEquals(s.cluster().raft(), ScenarioLoader.load(write("p.yaml", printed)).cluster().raft(), "printing round-trips");
    }

    @Test
    void plainRaftIsLogCabinLike() throws IOException {
        RaftSpec r = raft("  flavour: plain-raft\n  election-timeout: {min: 150ms, max: 155ms}\n");
        assertEquals(Flavour.PLAIN_RAFT, r.flavour());
        assertEquals(75 * MS, r.heartbeatIntervalNanos(), "half the minimum timeout");
        assertEquals(MS, r.tickIntervalNanos(), "LogCabin's millisecond timers");
        assertFalse(r.preVote() || r.checkQuorum());
        assertTrue(r.startupNote().orElseThrow().startsWith("note: cluster.flavour is plain-raft"));
        RaftSpec scalar = raft("  flavour: plain-raft\n  election-timeout: 12ms\n");
        assertEquals(24 * MS, scalar.electionTimeoutMaxNanos(), "a duration T means [T, 2T] (LogCabin)");
        assertEquals(6 * MS, scalar.heartbeatIntervalNanos());
        RaftSpec fine = raft("  flavour: plain-raft\n  election-timeout: {min: 25ms, max: 50ms}\n");
        assertEquals(100_000L, fine.tickIntervalNanos(), "12.5 ms heartbeats need a 100 µs tick");
        RaftSpec constant = raft("  flavour: plain-raft\n  election-timeout: {min: 150ms, max: 150ms}\n");
        assertEquals(constant.electionTimeoutNanos(), constant.electionTimeoutMaxNanos());
    }

    @Test
    void etcdRulesHoldForEtcdAndAreLiftedForPlainRaft() throws IOException {
        assertEquals(List.of("bad.yaml:3:21: cluster.election-timeout: must be at least 5 × heartbeat-interval (375ms), got 150ms; "
                + "etcd refuses to start: election-timeout should be at least as 5 times as heartbeat-interval"),
                refusal("description: x\ncluster:\n  election-timeout: 150ms\n  heartbeat-interval: 75ms\n"));
        assertEquals(75 * MS, raft("  flavour: plain-raft\n  election-timeout: 150ms\n  heartbeat-interval: 75ms\n")
                .heartbeatIntervalNanos());
        assertEquals(List.of("bad.yaml:3:23: cluster.heartbeat-interval: must be a whole number of milliseconds (etcd's flag is in ms),"
                + " got 12500us; for a finer heartbeat declare flavour: plain-raft"),
                refusal("description: x\ncluster:\n  heartbeat-interval: 12500us\n"));
    }

    @Test
    void aPlainRaftTimerThreadHasLinuxsDefaultSlackAndEtcdNone() throws IOException {
        assertEquals(50_000, raft("  flavour: plain-raft\n").timerSlackNanos(), "prctl(2): 50 µs");
        assertEquals(0, raft("  flavour: plain-raft\n  timer-slack: 0us\n").timerSlackNanos());
        assertEquals(0, raft("  size: 3\n").timerSlackNanos());
        assertEquals(List.of("bad.yaml:3:16: cluster.timer-slack: applies to flavour: plain-raft only (an etcd member's election"
                + " timer counts ticks, it has no timer thread to wake late), found with flavour etcd"),
                refusal("description: x\ncluster:\n  timer-slack: 50us\n"));
    }

    @Test
    void boundsAndHeartbeatAreMultiplesOfTheTickAndInOrder() throws IOException {
        assertEquals(List.of("bad.yaml:5:21: cluster.election-timeout: must be a multiple of tick-interval (1ms), got 150500us;"
                + " Raft counts it in ticks: use 150ms or 151ms"),
                refusal("description: x\ncluster:\n  flavour: plain-raft\n  tick-interval: 1ms\n"
                        + "  election-timeout: {min: 150500us, max: 155ms}\n  heartbeat-interval: 75ms\n"));
        assertEquals(List.of("bad.yaml:3:39: cluster.election-timeout.max: must be at least min (150ms), got 140ms"),
                refusal("description: x\ncluster:\n  election-timeout: {min: 150ms, max: 140ms}\n  flavour: plain-raft\n"));
        assertEquals(List.of("bad.yaml:3:21: cluster.election-timeout.max: required key is missing; expected a duration such as 150ms"),
                refusal("description: x\ncluster:\n  election-timeout: {min: 150ms}\n  flavour: plain-raft\n"));
        assertEquals(List.of("bad.yaml:3:12: cluster.flavour: expected one of etcd, plain-raft, got \"raft\""),
                refusal("description: x\ncluster:\n  flavour: raft\n"));
    }

    @Test
    void withholdAppendsNamesMembersOrFollowersAndPrintsBack() throws IOException {
        Scenario s = ScenarioLoader.load(write("w.yaml", "description: x\ncluster: {size: 5}\nduration: 10s\nfaults:\n"
                + "  - {at: 1s, for: 2s, withhold-appends: {members: [5, 4]}}\n  - {at: 2s, withhold-appends: {followers: 2}}\n"));
        assertEquals(List.of(new FaultSpec.WithholdAppends(FaultSpec.Timing.once(1000 * MS, 2000 * MS), List.of(4, 5), 0),
                new FaultSpec.WithholdAppends(FaultSpec.Timing.once(2000 * MS, 0), List.of(), 2)), s.faults());
        assertEquals(s.faults(), ScenarioLoader.load(write("p.yaml", ScenarioPrinter.print(s))).faults());
        assertEquals(List.of("bad.yaml:5:32: faults[0].withhold-appends: needs exactly one of members (ids, such as [4, 5]) or"
                + " followers (how many of the leader's followers, such as 2)"),
                refusal("description: x\ncluster: {size: 5}\nduration: 10s\nfaults:\n"
                        + "  - {at: 1s, withhold-appends: {members: [4], followers: 1}}\n"));
    }
}
