package io.stormglass.experiment.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The measurement of Raft paper §9.3 on hand-written timelines. */
class FailoverTimelineTest {
    private static final List<Integer> FIVE = List.of(1, 2, 3, 4, 5);

    private static TimelineEvent knows(long t, int node, int leader) {
        return new TimelineEvent.LeaderChanged(t, node, 2, 0, leader);
    }

    @Test
    void endsWhenTheLastSurvivorLearnsTheNewLeader() {
        List<TimelineEvent> events = List.of(knows(10, 1, 1), knows(11, 2, 1), knows(11, 3, 1), knows(11, 4, 1), knows(11, 5, 1),
                new TimelineEvent.NodeCrashed(1000, 1, "crash the leader"),
                new TimelineEvent.RoleChanged(1000, 1, NodeRole.DOWN, 0),
                knows(1300, 2, 0), knows(1400, 3, 3), knows(1410, 2, 3), knows(1411, 4, 3),
                new TimelineEvent.WarningLogged(1412, 4, "x", new java.util.TreeMap<>()),
                knows(1412, 5, 3),
                new TimelineEvent.WarningLogged(1412, 2, "y", new java.util.TreeMap<>()));
        assertEquals(new FailoverTimeline.Measured(1, 3, 412, 0), FailoverTimeline.measure(events, FIVE, 900));
    }

    @Test
    void aLeaderWhoseTermIsOverturnedDoesNotCount() {
        List<TimelineEvent> events = List.of(knows(1, 1, 1), knows(1, 2, 1), knows(1, 3, 1),
                new TimelineEvent.NodeCrashed(100, 1, "crash"),
                knows(200, 2, 2), knows(250, 3, 3), knows(300, 2, 3));
        assertEquals(new FailoverTimeline.Measured(1, 3, 200, 0), FailoverTimeline.measure(events, List.of(1, 2, 3), 100));
    }

    @Test
    void noNewLeaderOrNoCrashIsUnresolved() {
        List<TimelineEvent> noLeader = List.of(knows(1, 1, 1), new TimelineEvent.NodeCrashed(100, 1, "crash"), knows(200, 2, 0));
        assertEquals(new FailoverTimeline.Measured(1, 0, -1, 0), FailoverTimeline.measure(noLeader, List.of(1, 2, 3), 50));
        assertEquals(FailoverTimeline.Measured.NONE, FailoverTimeline.measure(List.of(knows(1, 1, 1)), List.of(1, 2, 3), 50));
        List<TimelineEvent> early = List.of(new TimelineEvent.NodeCrashed(10, 2, "earlier fault"), knows(20, 1, 1));
        assertEquals(FailoverTimeline.Measured.NONE, FailoverTimeline.measure(early, List.of(1, 2, 3), 50), "crashes before the window are ignored");
    }

    // The election took two terms (a split vote first); survivors who knew the winner in an older term do not agree yet.
    @Test
    void countsTheTermsTheElectionTook() {
        List<TimelineEvent> events = List.of(new TimelineEvent.LeaderChanged(1, 1, 4, 0, 1), new TimelineEvent.LeaderChanged(1, 2, 4, 0, 1),
                new TimelineEvent.LeaderChanged(1, 3, 4, 0, 1), new TimelineEvent.NodeCrashed(100, 1, "crash"),
                new TimelineEvent.LeaderChanged(300, 2, 6, 0, 2), new TimelineEvent.LeaderChanged(310, 3, 6, 1, 2));
        assertEquals(new FailoverTimeline.Measured(1, 2, 210, 2), FailoverTimeline.measure(events, List.of(1, 2, 3), 100));
    }
}
