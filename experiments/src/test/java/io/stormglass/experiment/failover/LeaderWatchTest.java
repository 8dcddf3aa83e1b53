package io.stormglass.experiment.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failover's end is when a survivor steps the new leader's message, not when its raft loop takes the Ready (§9.3). */
class LeaderWatchTest {
    @Test
    void stepTimeLeaderChangesReplaceTheTimelinesAndKeepTimeOrder() {
        long[] now = {0};
        LeaderWatch watch = new LeaderWatch();
        watch.clock(() -> now[0]);
        now[0] = 5;
        watch.leaderKnown(2, 1, 1);
        now[0] = 30;
        watch.leaderKnown(2, 2, 0);
        watch.leaderKnown(3, 2, 3);
        List<TimelineEvent> timeline = List.of(new TimelineEvent.NodeCrashed(10, 1, "crash"),
                new TimelineEvent.LeaderChanged(12, 2, 1, 0, 1), new TimelineEvent.RoleChanged(30, 3, NodeRole.LEADER, 2),
                new TimelineEvent.LeaderChanged(45, 2, 2, 1, 3));
        assertEquals(List.of(new TimelineEvent.LeaderChanged(5, 2, 1, 0, 1), new TimelineEvent.NodeCrashed(10, 1, "crash"),
                new TimelineEvent.RoleChanged(30, 3, NodeRole.LEADER, 2), new TimelineEvent.LeaderChanged(30, 2, 2, 1, 0),
                new TimelineEvent.LeaderChanged(30, 3, 2, 0, 3)), watch.merged(timeline),
                "the raft loop's later LeaderChanged events (12, 45) give way to the stepped ones (5, 30)");
    }
}
