package io.stormglass.raft.check.safety;

import io.stormglass.raft.check.linearizability.CheckResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Real members (Raft core, WAL, KV, etcd's server loop) under random fault schedules: power-loss
 * crashes in every {@code CrashMode}, full, one-way and flapping partitions, message loss,
 * duplication and reordering delay, disk stalls and slow disks, with clients doing puts,
 * linearizable gets and compare-and-sets. After the safety phase everything heals and a write must
 * commit (liveness). The run passes if the {@link SafetyMonitor} saw no violation, no member failed
 * to recover, and the client history is linearizable (timed-out writes may or may not have taken
 * effect).
 *
 * <p>A failure message holds the violations and the shrunk schedule as a scenario fragment
 * ({@code faults:} with {@code at}/{@code for}); it is also written to
 * {@code target/safety-failures/}. Tries per property: jqwik's default for this module (150, so 300
 * schedules in all; see the pom), or {@code -Dsafety.tries=N} for a campaign.
 */
class FaultScheduleProperties {

    @Property(shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.NONE)
    void threeMembersStaySafeAndLive(@ForAll("threeMemberSetups") ClusterSetup setup, @ForAll("schedules") List<FaultAction> schedule) {
        check(setup, schedule);
    }

    @Property(shrinking = ShrinkingMode.FULL, edgeCases = EdgeCasesMode.NONE)
    void fiveMembersStaySafeAndLive(@ForAll("fiveMemberSetups") ClusterSetup setup, @ForAll("schedules") List<FaultAction> schedule) {
        check(setup, schedule);
    }

    private static void check(ClusterSetup setup, List<FaultAction> schedule) {
        ScheduleRun.Outcome o = ScheduleRun.run(setup, schedule);
        Statistics.label("crashes").collect(bucket(o.crashes()));
        Statistics.label("acknowledged writes").collect(bucket(o.acknowledgedWrites()));
        Statistics.label("terms with a leader").collect(bucket(o.leaderTerms()));
        Statistics.label("linearizability").collect(o.linearizability().getClass().getSimpleName());
        if (!o.passed()) {
            String report = o.report();
            save(setup, report);
            throw new AssertionError("fault schedule broke the cluster:\n" + report);
        }
        if (o.linearizability() instanceof CheckResult.Linearizable lin && o.operations() > 0 && lin.operations() == 0) {
            throw new AssertionError("the checker saw none of the " + o.operations() + " operations");
        }
    }

    private static void save(ClusterSetup setup, String report) {
        try {
            Path dir = Path.of("target", "safety-failures");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("members-" + setup.size() + ".yaml"), report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not save the failing schedule: " + e + "\n" + report, e);
        }
    }

    private static String bucket(long n) {
        return n == 0 ? "0" : n < 5 ? "1-4" : n < 20 ? "5-19" : n < 100 ? "20-99" : "100+";
    }

    @Provide
    Arbitrary<ClusterSetup> threeMemberSetups() {
        return setups(3);
    }

    @Provide
    Arbitrary<ClusterSetup> fiveMemberSetups() {
        return setups(5);
    }

    private static Arbitrary<ClusterSetup> setups(int size) {
        return Combinators.combine(Arbitraries.just(size), Arbitraries.longs().between(1, 1_000_000_000L),
                Arbitraries.of(100, 1_000, 5_000), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(ClusterSetup::new);
    }

    @Provide
    Arbitrary<List<FaultAction>> schedules() {
        Arbitrary<FaultAction.Kind> kinds = Arbitraries.frequency(
                Tuple.of(6, FaultAction.Kind.CRASH),
                Tuple.of(4, FaultAction.Kind.PARTITION),
                Tuple.of(3, FaultAction.Kind.ONE_WAY),
                Tuple.of(3, FaultAction.Kind.FLAPPING),
                Tuple.of(2, FaultAction.Kind.DISK_STALL),
                Tuple.of(2, FaultAction.Kind.DISK_SLOW),
                Tuple.of(2, FaultAction.Kind.DROP),
                Tuple.of(2, FaultAction.Kind.DUPLICATE),
                Tuple.of(2, FaultAction.Kind.DELAY));
        Arbitrary<FaultAction> action = Combinators.combine(kinds,
                Arbitraries.integers().between(0, ScheduleRun.MAX_FAULT_MS - 1),
                Arbitraries.integers().between(1, ScheduleRun.MAX_FAULT_DURATION_MS),
                Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(0, 99)).as(FaultAction::new);
        return action.list().ofMinSize(0).ofMaxSize(20);
    }
}
