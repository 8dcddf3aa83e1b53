package io.stormglass.scenario.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class ScenarioProperties {
    static final Path MINIMAL = Path.of("src/test/resources/good/minimal.yaml");

    /** etcd's start-up rules, plus ticks: accepted exactly when 5·hb ≤ et ≤ 50 s and hb divides et. */
    @Property(tries = 200)
    void electionTimeoutIsAcceptedExactlyWhenEtcdWouldStartAndItIsWholeTicks(
            @ForAll @IntRange(min = 1, max = 2000) int heartbeatMs, @ForAll @IntRange(min = 1, max = 60_000) int electionMs) {
        boolean etcdStarts = electionMs >= 5 * heartbeatMs && electionMs <= 50_000;
        boolean wholeTicks = electionMs % heartbeatMs == 0;
        try {
            Scenario s = ScenarioLoader.load(MINIMAL, List.of("cluster.heartbeat-interval=" + heartbeatMs + "ms",
                    "cluster.election-timeout=" + electionMs + "ms"));
            assertTrue(etcdStarts && wholeTicks, heartbeatMs + "/" + electionMs + " accepted");
            assertEquals(electionMs * 1_000_000L, s.cluster().raft().electionTimeoutNanos());
        } catch (ScenarioException e) {
            assertTrue(!(etcdStarts && wholeTicks), e.getMessage());
            assertEquals(1, e.problems().size(), e.getMessage());
            assertEquals("cluster.election-timeout", e.problems().get(0).keyPath());
        }
    }

    @Property(tries = 300)
    void quantitiesPrintToTextThatParsesBackExactly(@ForAll @LongRange(min = 0, max = 1L << 50) long value) {
        assertEquals(value, Units.durationNanos(Units.formatDuration(value)));
        assertEquals(-value, Units.signedDurationNanos(Units.formatSignedDuration(-value)));
        assertEquals(value, Units.sizeBytes(Units.formatSize(value)));
        assertEquals(value * 8, Units.bitsPerSecond(Units.formatBitsPerSecond(value * 8)));
    }

    /** Whatever --set changes, the printed configuration loads back to itself. */
    @Property(tries = 40)
    void printedConfigurationsReloadToThemselves(@ForAll @IntRange(min = 1, max = 9) int size,
            @ForAll @IntRange(min = 1, max = 64) int clients, @ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 100) int putPercent) throws Exception {
        Scenario s = ScenarioLoader.load(MINIMAL, List.of("cluster.size=" + size, "workload.clients=" + clients,
                "seed=" + seed, "workload.mix={put: " + putPercent + "%, get: " + (100 - putPercent) + "%}",
                "faults=[{at: 10s, for: 5s, crash: " + size + "}]"));
        Path copy = java.nio.file.Files.createTempFile("printed-", ".yaml");
        try {
            java.nio.file.Files.writeString(copy, ScenarioPrinter.print(s));
            Scenario reloaded = ScenarioLoader.load(copy);
            assertEquals(ScenarioPrinter.print(s).lines().skip(1).toList(), ScenarioPrinter.print(reloaded).lines().skip(1).toList());
            assertEquals(s.cluster(), reloaded.cluster());
            assertEquals(s.workload(), reloaded.workload());
            assertEquals(s.faults(), reloaded.faults());
        } finally {
            java.nio.file.Files.delete(copy);
        }
    }
}
