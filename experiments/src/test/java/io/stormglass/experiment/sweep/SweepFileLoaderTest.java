package io.stormglass.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFileLoaderTest {
    @TempDir
    Path dir;

    @Test
    void gridHasEveryCombinationInFileOrder() {
        SweepSpec s = SweepFileLoader.load(SweepFiles.write(dir, SweepFiles.GRID));
        assertEquals(List.of(SweepSpec.HEARTBEAT_KEY, SweepSpec.ELECTION_KEY), s.variedKeys());
        assertEquals(List.of("cluster.heartbeat-interval=100ms,cluster.election-timeout=500ms",
                "cluster.heartbeat-interval=100ms,cluster.election-timeout=1s",
                "cluster.heartbeat-interval=200ms,cluster.election-timeout=500ms",
                "cluster.heartbeat-interval=200ms,cluster.election-timeout=1s"),
                s.points().stream().map(SweepPoint::id).toList());
        assertEquals(List.of(1L), s.seeds());
        assertEquals(List.of(SweepMetric.values()), s.metrics(), "all metrics by default");
        assertEquals(2, s.failoverTrials());
        assertEquals(0.0, s.spuriousBudgetPerHour());
        assertEquals("sweep", s.name());
    }

    @Test
    void refusedCombinationIsNotAFileError() {
        SweepSpec s = SweepFileLoader.load(SweepFiles.write(dir, SweepFiles.GRID));
        ScenarioException e = assertThrows(ScenarioException.class, () -> PointScenarios.load(s, s.points().get(2)));
        assertTrue(e.problems().stream().allMatch(PointScenarios::isRefusedValue), e.getMessage());
        // located at the value in the sweep file, not at "--set"
        assertTrue(e.getMessage().contains("sweep.yaml:5:"), e.getMessage());
    }

    @Test
    void mistakesAreLocatedInTheSweepFile() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFileLoader.load(SweepFiles.write(dir, """
                description: broken
                base: base.yaml
                vary:
                  cluster.election-timeout: [1s]
                seeds: 0
                metrics: [failovr]
                extra: 1
                """)));
        String all = e.problems().stream().map(ScenarioProblem::oneLine).reduce("", (a, b) -> a + b + "\n");
        assertTrue(all.contains("sweep.yaml:5:8: seeds: must be between 1 and 1000, got 0"), all);
        assertTrue(all.contains("sweep.yaml:6:11: metrics[0]: unknown metric \"failovr\" (did you mean failover?)"), all);
        assertTrue(all.contains("sweep.yaml:7:1: extra: unknown key"), all);
    }

    @Test
    void scenarioKeysAndUnitsAreCheckedAtTheirValues() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFileLoader.load(SweepFiles.write(dir, """
                description: broken
                base: base.yaml
                set:
                  duration: 10 minutes
                vary:
                  cluster.heartbeat-intervl: [100ms]
                  cluster.election-timeout: [1s, 1sec]
                """)));
        String all = e.problems().stream().map(ScenarioProblem::oneLine).reduce("", (a, b) -> a + b + "\n");
        assertTrue(all.contains("sweep.yaml:4:13: duration: expected a duration"), all);
        assertTrue(all.contains("sweep.yaml:6:31: cluster.heartbeat-intervl: unknown key (did you mean 'heartbeat-interval'?)"), all);
        assertTrue(all.contains("sweep.yaml:7:34: cluster.election-timeout: expected a duration"), all);
        assertEquals(3, e.problems().size(), all);
    }

    @Test
    void missingBaseAndBothKindsOfPointsAreReported() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFileLoader.load(SweepFiles.write(dir, """
                description: broken
                base: nowhere.yaml
                vary:
                  cluster.election-timeout: [1s]
                sample:
                  count: 3
                """)));
        String all = e.getMessage();
        assertTrue(all.contains("sweep.yaml:2:7: base: no such scenario file: nowhere.yaml"), all);
        assertTrue(all.contains("give exactly one of vary: (a grid) and sample:"), all);
    }

    @Test
    void yamlSyntaxErrorsAreLocated() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepFileLoader.load(SweepFiles.write(dir, """
                description: broken
                base: base.yaml
                vary: [1s
                """)));
        assertTrue(e.getMessage().matches("(?s).*sweep\\.yaml:\\d+:\\d+: not valid YAML.*"), e.getMessage());
    }

    @Test
    void samplesAreDeterministicAndStayInTheirRangesOnTheirSteps() {
        String text = """
                description: sampled
                base: base.yaml
                sample:
                  count: 12
                  seed: 5
                  ranges:
                    cluster.election-timeout: {min: 600ms, max: 3s, step: 200ms}
                seeds: [3, 9]
                metrics: [spurious-changes]
                """;
        SweepSpec a = SweepFileLoader.load(SweepFiles.write(dir, text));
        SweepSpec b = SweepFileLoader.load(SweepFiles.write(dir, text));
        assertEquals(a.points(), b.points());
        assertEquals(List.of(3L, 9L), a.seeds());
        assertTrue(a.points().size() > 3 && a.points().size() <= 12, "duplicates dropped: " + a.points().size());
        for (SweepPoint p : a.points()) {
            long v = Units.durationNanos(p.value(SweepSpec.ELECTION_KEY));
            assertTrue(v >= 600_000_000L && v <= 3_000_000_000L && (v - 600_000_000L) % 200_000_000L == 0, p.id());
        }
        assertEquals(List.of(SweepMetric.SPURIOUS_CHANGES), a.metrics());
    }
}
