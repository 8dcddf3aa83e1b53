package io.stormglass.experiment.fuzz;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.run.RunResult;
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
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import net.jqwik.api.statistics.Statistics;

/**
 * Stateful properties (jqwik {@link ActionChain}) over fault schedules, on the real members of
 * the library's {@code safety-fuzz.yaml} (Raft core, WAL, KV, etcd's server loop, disk and network
 * models). Each action waits a while and injects one fault: a power-loss crash in any crash mode,
 * a full, one-way or flapping partition, message loss, duplication or reordering, a disk stall or
 * slow disk, clock drift. After every action the invariants are checked (the safety monitor's
 * violations and boot failures so far); after the chain, everything heals, a write must commit
 * everywhere (liveness), and the client history must be linearizable.
 *
 * <p>A failure's message holds the problems and the schedule as a complete scenario, also written
 * to {@code target/safety-failures/members-<n>.yaml}: {@code ./stormglass run} on that file replays
 * the run event for event (jqwik cannot replay a chain by itself). Tries per property: 150 by
 * default (300 schedules in all, part of {@code mvn verify}), {@code -Dsafety.tries=N} for more;
 * {@code stormglass fuzz} runs long campaigns. Shrinking a failure stops after 90 s
 * ({@code -Dsafety.shrink.seconds=N}), with the smallest failing chain found by then. The jqwik seed is
 * fixed ({@link SafetySeed}: {@code -Dsafety.seed=N}, {@code random} for a fresh draw), so a CI failure
 * replays with the same command anywhere.
 */
@AddLifecycleHook(value = SafetySeed.class, propagateTo = PropagationMode.DIRECT_DESCENDANTS)
class FaultScheduleProperties {
    /** Most faults in one chain. */
    static final int MAX_FAULTS = 20;

    /**
     * The setup of the try being run: the chain's initial state is made when the chain runs, from
     * the setup jqwik drew for the same try. Setup and chain are separate parameters (not a
     * flatMap) so that jqwik shrinks each on its own: the chain by dropping faults.
     */
    private static SafetySetup currentSetup;

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void threeMembersStaySafeAndLive(@ForAll("threeMembers") SafetySetup setup, @ForAll("chains") ActionChain<ScheduledRun> chain) {
        check(setup, chain);
    }

    /**
     * Membership changes among the faults (issue 19): a 3-member cluster with 4 spares, half the actions an
     * operator's change (add a learner, promote it, remove, replace), so the cluster walks between 1 and 7
     * voters while crashes, partitions and disk faults go on. Fewer tries than the others: each run is a
     * longer one.
     */
    @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void membershipChangesStaySafeAndLive(@ForAll("withSpares") SafetySetup setup,
            @ForAll("membershipChains") ActionChain<ScheduledRun> chain) {
        check(setup, chain);
    }

    @Property(shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void fiveMembersStaySafeAndLive(@ForAll("fiveMembers") SafetySetup setup, @ForAll("chains") ActionChain<ScheduledRun> chain) {
        check(setup, chain);
    }

    private static void check(SafetySetup setup, ActionChain<ScheduledRun> chain) {
        currentSetup = setup;
        ScheduledRun run = chain.withInvariant("safety so far", FaultScheduleProperties::safeSoFar).run();
        RunResult result = run.finish();
        run.release();
        CheckReport checks = result.checks();
        Statistics.label("faults").collect(bucket(run.faults()));
        Statistics.label("crashes").collect(bucket(checks.stats().crashes()));
        Statistics.label("acknowledged writes").collect(bucket(checks.stats().acknowledgedWrites()));
        Statistics.label("terms with a leader").collect(bucket(checks.stats().termsWithLeader()));
        Statistics.label("linearizability").collect(checks.linearizability().getClass().getSimpleName());
        if (!checks.passed()) {
            fail(run, checks.describe());
        }
        if (checks.linearizability() instanceof CheckResult.Linearizable lin && checks.stats().operations() > 0 && lin.operations() == 0) {
            throw new AssertionError("the checker saw none of the " + checks.stats().operations() + " operations");
        }
    }

    private static void safeSoFar(ScheduledRun run) {
        List<String> problems = run.problemsSoFar();
        if (!problems.isEmpty()) {
            fail(run, String.join("\n", problems));
        }
    }

    private static void fail(ScheduledRun run, String problems) {
        String yaml = "# " + run.setup + "\n" + ScenarioPrinter.print(run.scenario());
        Path file = Path.of("target", "safety-failures", "members-" + run.setup.size() + (run.setup.spares() > 0 ? "-spares" : "")
                + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("could not save the failing schedule: " + e + "\n" + problems + "\n" + yaml, e);
        }
        throw new AssertionError("fault schedule broke the cluster:\n" + problems + "\n--- replay: ./stormglass run "
                + file.toAbsolutePath() + " ---\n# " + run.setup + "\n" + faultsOnly(yaml));
    }

    /** The scenario's faults section, the part that differs from safety-fuzz.yaml. */
    private static String faultsOnly(String yaml) {
        int at = yaml.indexOf("\nfaults:");
        int end = yaml.indexOf("\noutputs:", Math.max(0, at));
        return at < 0 ? yaml : yaml.substring(at + 1, end < 0 ? yaml.length() : end + 1);
    }

    private static String bucket(long n) {
        return n == 0 ? "0" : n < 5 ? "1-4" : n < 20 ? "5-19" : n < 100 ? "20-99" : "100+";
    }

    @Provide
    Arbitrary<SafetySetup> threeMembers() {
        return setups(3);
    }

    @Provide
    Arbitrary<SafetySetup> fiveMembers() {
        return setups(5);
    }

    @Provide
    Arbitrary<SafetySetup> withSpares() {
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000_000L), Arbitraries.of("nvme", "sata-ssd", "hdd"),
                Arbitraries.of(true, false)).as((seed, disk, small) -> new SafetySetup(3, seed, disk, small, true, 4));
    }

    @Provide
    Arbitrary<ActionChain<ScheduledRun>> membershipChains() {
        Arbitrary<FaultKind> kinds = Arbitraries.oneOf(Arbitraries.just(FaultKind.MEMBER_CHANGE), Arbitraries.of(GENERAL_KINDS));
        return ActionChain.<ScheduledRun>startWith(() -> new ScheduledRun(currentSetup))
                .withAction(new InjectFault(kinds))
                .withMaxTransformations(MAX_FAULTS);
    }

    /** The kinds the general properties draw (membership changes need spares), in enum order. */
    static final List<FaultKind> GENERAL_KINDS = FaultSpace.DEFAULT.kinds().stream().sorted().toList();

    private static Arbitrary<SafetySetup> setups(int size) {
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000_000L), Arbitraries.of("nvme", "sata-ssd", "hdd"),
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((seed, disk, small, preVote, readers) -> new SafetySetup(size, seed, disk, small, preVote, 0, readers));
    }

    @Provide
    Arbitrary<ActionChain<ScheduledRun>> chains() {
        return ActionChain.<ScheduledRun>startWith(() -> new ScheduledRun(currentSetup))
                .withAction(new InjectFault(Arbitraries.of(GENERAL_KINDS)))
                .withMaxTransformations(MAX_FAULTS);
    }

    /** Wait 0–1.5 s after the previous fault, then inject one drawn fault. */
    static final class InjectFault implements Action.Independent<ScheduledRun> {
        private final Arbitrary<FaultKind> kinds;

        InjectFault(Arbitrary<FaultKind> kinds) {
            this.kinds = kinds;
        }

        @Override
        public Arbitrary<Transformer<ScheduledRun>> transformer() {
            Arbitrary<FaultDraw> draws = Combinators.combine(kinds, Arbitraries.just(0),
                    Arbitraries.integers().between(1, 3_000), Arbitraries.integers().between(0, 31),
                    Arbitraries.integers().between(0, 99)).as(FaultDraw::new);
            return Combinators.combine(Arbitraries.integers().between(0, 1_500), draws).as((gapMs, draw) ->
                    Transformer.mutate("+" + gapMs + "ms " + draw.kind().cliName() + " for " + draw.forMs() + "ms (target "
                            + draw.target() + ", param " + draw.param() + ")", run -> run.inject(gapMs, draw)));
        }
    }
}
