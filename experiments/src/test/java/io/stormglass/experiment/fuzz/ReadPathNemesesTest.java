package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.scenario.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixed schedules of the targeted nemeses aimed at the read path, with readers on every member
 * ({@link SafetySetup#readers()}): each passes on a correct member and is the schedule that makes the
 * suite observe a broken ReadIndex rule (mutants 23 and 26 of {@code build/mutations/}, see
 * docs/safety-testing.md). The random properties draw the same nemeses; these pin one instance each
 * so that the default budget catches the variant for certain.
 */
class ReadPathNemesesTest {
    /**
     * Five members, n3 leading from 0.53 s; at 2.1 s n3 and n4 are cut off from n1, n2, n5 for 2.5 s
     * ({@code isolate-leader} with company). The majority elects a new leader about 0.6 s later, while n3
     * steps down only at its next CheckQuorum tick, almost an election timeout after that: in between,
     * the readers on n3 and n4 keep asking n3, which hears n4's heartbeat acknowledgements only. A
     * ReadIndex round needs a quorum of the five (thesis §6.4 step 3); confirmed by two, it serves values
     * the majority has overwritten.
     */
    @Test
    void aLeaderCutOffWithOneFollowerServesNoReadItsQuorumDidNotConfirm() throws Exception {
        SafetySetup setup = new SafetySetup(5, 11, "nvme", false, true, 0, true);
        CheckReport c = run(setup, new FaultDraw(FaultKind.ISOLATE_LEADER, 2_100, 2_500, 2, 1));
        assertTrue(c.passed(), c.describe());
        assertTrue(c.stats().termsWithLeader() >= 2, "the majority elected a new leader: " + c.describe());
        assertTrue(assertInstanceOf(CheckResult.Linearizable.class, c.linearizability()).operations() > 3_000, c.describe());
    }

    /**
     * Three members with a reader each; from 1 s to 3 s, 5 % of the messages between members are
     * delivered twice and every message is delayed by up to 20 ms, so a copy of a ReadIndex answer
     * arrives after its round ended and the next one began. A round is served only by the answer to
     * itself (etcd's {@code linearizableReadLoop} matches the request id): an older round's index
     * predates writes acknowledged before the newer round's reads started.
     */
    @Test
    void lateDuplicatesOfAReadIndexAnswerServeNoLaterRound() throws Exception {
        SafetySetup setup = new SafetySetup(3, 1, "nvme", false, true, 0, true);
        CheckReport c = run(setup, new FaultDraw(FaultKind.DUPLICATE, 1_000, 2_000, 0, 4),
                new FaultDraw(FaultKind.REORDER, 1_000, 2_000, 0, 19));
        assertTrue(c.passed(), c.describe());
        assertTrue(assertInstanceOf(CheckResult.Linearizable.class, c.linearizability()).operations() > 3_000, c.describe());
    }

    private static CheckReport run(SafetySetup setup, FaultDraw... draws) throws Exception {
        Scenario base = setup.scenario();
        RunResult r = Runner.run(base.withFaults(FaultDraw.schedule(base, List.of(draws))), Runner.Options.inMemory());
        return r.checks();
    }
}
