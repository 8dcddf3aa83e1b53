package io.stormglass.experiment.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchTest {
    private static final Path LIBRARY = Path.of("../scenarios");
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void theReferenceCasesAreTheOnesTheIssueNames() {
        List<ReferenceCases.Case> cases = ReferenceCases.all(LIBRARY, false);
        assertEquals(List.of("incident-24h", "incident-24h-with-report", "safety-fuzz-100-seeds", "five-members-1000ops-1h",
                "cross-region-1h"), cases.stream().map(ReferenceCases.Case::name).toList());
        assertEquals(24 * HOUR, cases.get(0).scenarios().get(0).durationNanos());
        assertEquals(cases.get(0).scenarios(), cases.get(1).scenarios(), "the same day, with its run folder");
        assertEquals(List.of(false, true, false, false, false), cases.stream().map(ReferenceCases.Case::writesRunFolder).toList());
        cases = cases.subList(1, cases.size());
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
    void aScenarioCaseCountsTheEventsAndSimulatedTimeOfEveryRun(@TempDir Path scratch) throws Exception {
        ReferenceCases.Case quick = ReferenceCases.all(LIBRARY, true).get(2);
        ReferenceCases.Case two = new ReferenceCases.Case("two-seeds", quick.scenarios().subList(0, 2));
        long[] now = {0};
        BenchResult r = new ScenarioBench(() -> now[0] += 1_000_000_000L, scratch).run(two);
        assertEquals(2, r.runs());
        assertTrue(r.events() > 0);
        double simulated = two.scenarios().stream().mapToDouble(s -> s.durationNanos() / 1e9).sum();
        assertEquals(simulated, r.simulatedSeconds(), 1e-9);
        assertTrue(r.peakHeapBytes() > 0);
        assertEquals(16, r.fingerprint().length(), "the last run's fingerprint: " + r.fingerprint());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(0, left.count(), "an in-memory case writes nothing");
        }
    }

    @Test
    void aCaseWithItsRunFolderWritesItAndRemovesOnlyWhatItCreated(@TempDir Path scratch) throws Exception {
        Path mine = Files.writeString(scratch.resolve("not-the-bench's.txt"), "kept");
        ReferenceCases.Case quick = ReferenceCases.all(LIBRARY, true).get(2);
        Scenario first = quick.scenarios().get(0);
        ReferenceCases.Case withFolder = new ReferenceCases.Case("one-seed-with-report", List.of(first), true);
        BenchResult r = new ScenarioBench(System::nanoTime, scratch).run(withFolder);
        BenchResult inMemory = new ScenarioBench(System::nanoTime, scratch)
                .run(new ReferenceCases.Case("one-seed", List.of(first)));
        assertEquals(inMemory.fingerprint(), r.fingerprint(), "writing the run folder does not change the run");
        assertEquals(inMemory.events(), r.events());
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(mine), left.toList(), "the bench's own folder is gone, the rest untouched");
        }
    }

    @Test
    void theScalingCaseRunsSeedsOfTheIncidentAfterAWarmUp() {
        ReferenceCases.ScalingCase full = ReferenceCases.scaling(LIBRARY, false);
        assertEquals("parallel-runs-6x-incident-6h", full.name());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), full.runs().stream().map(Scenario::seed).toList());
        assertTrue(full.runs().stream().allMatch(s -> s.durationNanos() == 6 * HOUR));
        assertEquals(6 * HOUR, full.warmup().durationNanos());
        assertEquals(4, ReferenceCases.scaling(LIBRARY, true).runs().size());
    }

    @Test
    void theScalingCaseTimesBothPassesAndComparesTheirFingerprints() throws Exception {
        ReferenceCases.ScalingCase quick = ReferenceCases.scaling(LIBRARY, true);
        List<Scenario> two = quick.runs().subList(0, 2);
        // a clock shared by both threads, 1 s per reading: each pass reads it twice, the runs read it too
        AtomicLong now = new AtomicLong();
        ParallelScaling.Outcome o = new ParallelScaling(() -> now.addAndGet(1_000_000_000L), 2).run(two.get(0), two);
        assertEquals(2, o.runs());
        assertEquals(2, o.jobs());
        assertTrue(o.serialWallSeconds() >= 1 && o.parallelWallSeconds() >= 1, o.toString());
        assertEquals(o.serialWallSeconds() / o.parallelWallSeconds(), o.speedup(), 1e-12);
        assertTrue(o.sameFingerprints(), "a run gives the same fingerprint whatever runs beside it");
    }

    @Test
    void theParallelPassNeedsTwoThreads() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelScaling(System::nanoTime, 1));
    }
}
