package io.stormglass.experiment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTest {
    private static final Path LIBRARY = Path.of("../scenarios");
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void theReferenceCasesAreTheOnesTheIssueNames() {
        List<ReferenceCases.Case> cases = ReferenceCases.all(LIBRARY, false);
        assertEquals(List.of("incident-24h", "safety-fuzz-100-seeds", "five-members-1000ops-1h", "cross-region-1h"),
                cases.stream().map(ReferenceCases.Case::name).toList());
        assertEquals(24 * HOUR, cases.get(0).scenarios().get(0).durationNanos());
        List<Scenario> fuzz = cases.get(1).scenarios();
        assertEquals(100, fuzz.size());
        assertEquals(100, new HashSet<>(fuzz.stream().map(Scenario::seed).toList()).size(), "one scenario per seed");
        assertTrue(fuzz.stream().allMatch(s -> s.checks().any()), "every fuzz seed runs with its checks, as fuzz does");
        Scenario five = cases.get(2).scenarios().get(0);
        assertEquals(5, five.cluster().size());
        assertEquals(HOUR, five.durationNanos());
        assertEquals(HOUR, cases.get(3).scenarios().get(0).durationNanos());
    }

    @Test
    void theMicrobenchmarkTimesBothLoopsWithTheClockItIsGiven() {
        // a clock that advances 1 ms per reading: every round of either loop takes exactly 1 ms
        long[] now = {0};
        EngineMicrobench bench = new EngineMicrobench(() -> now[0] += 1_000_000, 100, 1_000, 1, 3);
        EngineMicrobench.Outcome o = bench.run();
        assertEquals(1_000_000.0, o.engineEventsPerSecond(), 1e-6, "1 000 events per 1 ms round");
        assertEquals(1_000_000.0, o.baselineEventsPerSecond(), 1e-6);
        assertEquals(1.0, o.ratio(), 1e-12);
    }

    @Test
    void aScenarioCaseCountsTheEventsAndSimulatedTimeOfEveryRun() throws Exception {
        ReferenceCases.Case quick = ReferenceCases.all(LIBRARY, true).get(1);
        ReferenceCases.Case two = new ReferenceCases.Case("two-seeds", quick.scenarios().subList(0, 2));
        long[] now = {0};
        BenchResult r = new ScenarioBench(() -> now[0] += 1_000_000_000L).run(two);
        assertEquals(2, r.runs());
        assertTrue(r.events() > 0);
        double simulated = two.scenarios().stream().mapToDouble(s -> s.durationNanos() / 1e9).sum();
        assertEquals(simulated, r.simulatedSeconds(), 1e-9);
        assertTrue(r.peakHeapBytes() > 0);
        assertEquals(16, r.fingerprint().length(), "the last run's fingerprint: " + r.fingerprint());
    }
}
