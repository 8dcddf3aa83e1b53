package io.stormglass.experiment.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk a schedule's membership draws take: up to seven voters and down to one, as an operator scales. */
class MembershipWalkTest {
    private static Scenario base() throws Exception {
        return ScenarioLoader.load(Path.of("../scenarios/safety-fuzz.yaml"), List.of("cluster.spare-members=4"));
    }

    private static List<String> walk(MembershipWalk w, int draws, int param, int target) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            FaultSpec.MemberChange c = w.next(FaultSpec.Timing.once(MembershipWalk.SETTLE_NANOS + i * 1_000_000L, 0),
                    new FaultDraw(FaultKind.MEMBER_CHANGE, i, 1, target, param));
            out.add(c == null ? "-" : c.action() + " " + c.member() + (c.with() > 0 ? ">" + c.with() : ""));
        }
        return out;
    }

    @Test
    void growingAddsAndPromotesEachSpareUpToSevenThenRemovesDownToOneInitialVoter() throws Exception {
        List<String> steps = walk(new MembershipWalk(base()), 16, 4, 0);
        assertEquals(List.of("ADD_LEARNER 4", "PROMOTE 4", "ADD_LEARNER 5", "PROMOTE 5", "ADD_LEARNER 6", "PROMOTE 6",
                "ADD_LEARNER 7", "PROMOTE 7", "REMOVE 1", "REMOVE 2", "REMOVE 4", "REMOVE 5", "REMOVE 6", "REMOVE 7", "-", "-"), steps,
                "the last voter is n3, an initial member: a refused promotion cannot leave the cluster without voters");
    }

    @Test
    void anOddFirstDrawShrinksFirstAndTurnsRoundAtOneVoter() throws Exception {
        List<String> steps = walk(new MembershipWalk(base()), 5, 1, 1);
        assertEquals(List.of("REMOVE 2", "REMOVE 3", "ADD_LEARNER 4", "PROMOTE 4", "ADD_LEARNER 5"), steps);
    }

    @Test
    void noChangeInTheRunsFirstSecondsWhileEtcdWouldFindItUnhealthy() throws Exception {
        MembershipWalk w = new MembershipWalk(base());
        assertEquals(null, w.next(FaultSpec.Timing.once(MembershipWalk.SETTLE_NANOS - 1, 0), new FaultDraw(FaultKind.MEMBER_CHANGE, 4_999, 1, 0, 4)));
        assertEquals(List.of("ADD_LEARNER 4"), walk(w, 1, 4, 0), "the draw before was dropped, not spent");
    }

    @Test
    void oneGrowingDrawInThreeAddsAVoterAtOnce() throws Exception {
        assertEquals(List.of("ADD 4", "ADD 5", "ADD 6", "ADD 7", "REMOVE 1"), walk(new MembershipWalk(base()), 5, 0, 0));
    }

    @Test
    void oneDrawInSixReplacesAVoterWhileThreeCertainVotersRemain() throws Exception {
        MembershipWalk w = new MembershipWalk(base());
        List<String> steps = walk(w, 2, MembershipWalk.REPLACE_ONE_IN - 1, 0);
        assertEquals("REPLACE 1>4", steps.get(0));
        assertTrue(steps.get(1).startsWith("REMOVE"), "two certain voters left: no second replacement, the walk shrinks: " + steps);
    }
}
