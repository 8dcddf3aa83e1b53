package io.stormglass.report.internal.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final long S = 1_000_000_000L;

    @Test
    void durationsPrintWithThreeSignificantFigures() {
        assertEquals("2.14 s", Durations.human(2_140_000_123L));
        assertEquals("850 µs", Durations.human(850_000L));
        assertEquals("2 h", Durations.human(7_200 * S));
    }

    @Test
    void withoutLeaderChangedEventsALeaderWithAMajorityUpCounts() {
        List<TimelineEvent> events = List.of(
                new TimelineEvent.RoleChanged(S, 1, NodeRole.LEADER, 2),
                new TimelineEvent.NodeCrashed(3 * S, 2, "kill"),
                new TimelineEvent.NodeCrashed(4 * S, 3, "kill"),
                new TimelineEvent.NodeRestarted(6 * S, 3));
        Availability a = Availability.of(events, List.of(1, 2, 3), 10 * S);
        // no leader before 1 s; only one of three members up from 4 s to 6 s
        assertEquals(List.of(new Availability.Gap(0, S), new Availability.Gap(4 * S, 6 * S)), a.gaps());
        assertEquals(3 * S, a.unavailableNanos());
        assertEquals(S, a.initialNanos());
    }

    /**
     * member-replace: n3 of three fails and a spare n4 replaces it. While n3 is down two of the three voters
     * still know n1, so nothing is lost; the spare counts only once an applied change makes it a voter.
     */
    @Test
    void aMajorityIsOfTheVotersOfTheMomentNotOfEveryMemberEverSeen() {
        List<TimelineEvent> events = List.of(
                new TimelineEvent.RoleChanged(S, 1, NodeRole.LEADER, 2),
                new TimelineEvent.LeaderChanged(S, 2, 2, 0, 1),
                new TimelineEvent.LeaderChanged(S, 3, 2, 0, 1),
                new TimelineEvent.NodeCrashed(3 * S, 3, "the VM failed"),
                new TimelineEvent.VotersChanged(5 * S, List.of(1, 2)),
                new TimelineEvent.RoleChanged(6 * S, 4, NodeRole.FOLLOWER, 0),
                new TimelineEvent.VotersChanged(6 * S, List.of(1, 2, 4)),
                new TimelineEvent.NodeCrashed(7 * S, 2, "kill"),
                new TimelineEvent.LeaderChanged(8 * S, 4, 2, 0, 1));
        Availability a = Availability.of(events, List.of(1, 2, 3), 10 * S);
        // n2 down at 7 s leaves n1 alone among {1, 2, 4} until n4 hears of it at 8 s
        assertEquals(List.of(new Availability.Gap(0, S), new Availability.Gap(7 * S, 8 * S)), a.gaps());
    }

    @Test
    void rolesOfAMemberFormContiguousLanes() {
        List<TimelineEvent> events = List.of(
                new TimelineEvent.RoleChanged(S, 1, NodeRole.PRE_CANDIDATE, 1),
                new TimelineEvent.RoleChanged(2 * S, 1, NodeRole.CANDIDATE, 2),
                new TimelineEvent.RoleChanged(3 * S, 1, NodeRole.LEADER, 2),
                new TimelineEvent.NodeCrashed(5 * S, 1, "power"),
                new TimelineEvent.NodeRestarted(7 * S, 1));
        RoleLanes lanes = RoleLanes.of(events, List.of(1, 2), 8 * S);
        assertEquals(List.of(
                new RoleSpan(1, 0, S, NodeRole.FOLLOWER, 0),
                new RoleSpan(1, S, 2 * S, NodeRole.PRE_CANDIDATE, 1),
                new RoleSpan(1, 2 * S, 3 * S, NodeRole.CANDIDATE, 2),
                new RoleSpan(1, 3 * S, 5 * S, NodeRole.LEADER, 2),
                new RoleSpan(1, 5 * S, 7 * S, NodeRole.DOWN, 2),
                new RoleSpan(1, 7 * S, 8 * S, NodeRole.FOLLOWER, 2)), lanes.lanes().get(1));
        assertEquals(List.of(new RoleSpan(2, 0, 8 * S, NodeRole.FOLLOWER, 0)), lanes.lanes().get(2));
        assertEquals(1, lanes.leaderships().size());
    }

    @Test
    void markedSpansPairBeginsWithEndsAndCloseAtTheEndOfTheRun() {
        List<TimelineEvent> events = List.of(
                new TimelineEvent.ActivityMarked(S, "prometheus", "head-block write", true),
                new TimelineEvent.FaultChanged(2 * S, "disk/n1", "stall", true),
                new TimelineEvent.ActivityMarked(3 * S, "prometheus", "head-block write", false),
                new TimelineEvent.ActivityMarked(4 * S, "backup", "copy", false));
        assertEquals(List.of(
                new MarkedSpan(false, "prometheus: head-block write", S, 3 * S),
                new MarkedSpan(true, "disk/n1: stall", 2 * S, 10 * S)), MarkedSpan.of(events, 10 * S));
    }
}
