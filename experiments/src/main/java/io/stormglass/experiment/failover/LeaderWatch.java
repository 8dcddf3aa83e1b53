package io.stormglass.experiment.failover;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.server.MemberObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hears, at the instant each member's Raft core steps it, every change of the leader the member
 * knows ({@link MemberObserver#leaderKnown}), and keeps them as {@code LeaderChanged} events for
 * {@link FailoverTimeline}. One per trial; the clock is the trial's simulation, given once the run
 * is assembled (before any member steps anything).
 */
final class LeaderWatch implements MemberObserver {
    private final List<TimelineEvent.LeaderChanged> changes = new ArrayList<>();
    private final Map<Integer, Integer> known = new TreeMap<>();
    private Clock clock;

    void clock(Clock simulationClock) {
        this.clock = simulationClock;
    }

    /** How many leader changes were heard so far: a measurement can only change when this does. */
    int heard() {
        return changes.size();
    }

    @Override
    public void leaderKnown(int member, long term, long leader) {
        if (clock == null) {
            throw new IllegalStateException("a member stepped a message before the run was assembled");
        }
        int previous = known.getOrDefault(member, 0);
        known.put(member, (int) leader);
        changes.add(new TimelineEvent.LeaderChanged(clock.nowNanos(), member, term, previous, (int) leader));
    }

    /**
     * {@code timeline} (the run's own events, in time order) with its {@code LeaderChanged} events
     * replaced by the step-time ones heard here; at equal instants the run's events come first.
     */
    List<TimelineEvent> merged(List<? extends TimelineEvent> timeline) {
        List<TimelineEvent> out = new ArrayList<>(timeline.size() + changes.size());
        int j = 0;
        for (TimelineEvent e : timeline) {
            if (e instanceof TimelineEvent.LeaderChanged) {
                continue;
            }
            for (; j < changes.size() && changes.get(j).timeNanos() < e.timeNanos(); j++) {
                out.add(changes.get(j));
            }
            out.add(e);
        }
        out.addAll(changes.subList(j, changes.size()));
        return out;
    }
}
