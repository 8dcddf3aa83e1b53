package io.stormglass.experiment.failover;

import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a failover out of a trial's events: the first {@code NodeCrashed} at or after the crash
 * instant names the crashed leader; the failover ends at the first instant at which every other
 * member's last {@code LeaderChanged} names one and the same new leader.
 *
 * <p>Which instant a {@code LeaderChanged} carries decides what is measured. The Raft paper
 * measures "from when the old leader crashed until the other servers received the new leader's
 * first heartbeat" (Ongaro's thesis §9.4, Fig. 16), so a trial feeds this class the instants at
 * which each member's Raft core stepped the message that told it the leader
 * ({@link LeaderWatch}), not the run timeline's {@code LeaderChanged}, which is recorded later,
 * when the member's raft loop takes the Ready (a follower still blocked in the fsync of its vote
 * takes it only after the fsync).
 */
final class FailoverTimeline {
    /**
     * What one trial measured.
     *
     * @param crashedLeader  the member crashed at the crash instant (0 if none was)
     * @param newLeader      the member every survivor came to know as leader (0 if none did)
     * @param failoverNanos  from the crash until the last survivor knew the new leader (-1 if never)
     * @param terms          terms the election took: the new leader's term minus the crashed leader's (0 if unresolved)
     */
    record Measured(int crashedLeader, int newLeader, long failoverNanos, long terms) {
        static final Measured NONE = new Measured(0, 0, -1, 0);

        boolean resolved() {
            return failoverNanos >= 0;
        }
    }

    private FailoverTimeline() {
    }

    /**
     * @param events       the trial's events in time order
     * @param members      member ids of the cluster
     * @param crashAtNanos when the leader crash was scheduled
     */
    static Measured measure(List<? extends TimelineEvent> events, List<Integer> members, long crashAtNanos) {
        int crashed = 0;
        long t0 = -1;
        long termAtCrash = 0;
        SortedMap<Integer, TimelineEvent.LeaderChanged> known = new TreeMap<>();
        int i = 0;
        for (; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            if (e instanceof TimelineEvent.LeaderChanged l) {
                known.put(l.node(), l);
                termAtCrash = Math.max(termAtCrash, l.term());
            }
            if (e instanceof TimelineEvent.NodeCrashed c && e.timeNanos() >= crashAtNanos) {
                crashed = c.node();
                t0 = e.timeNanos();
                i++;
                break;
            }
        }
        if (crashed == 0) {
            return Measured.NONE;
        }
        known.remove(crashed);
        while (i < events.size()) {
            long t = events.get(i).timeNanos();
            // apply every event of this instant before judging, so transient same-time states do not count
            for (; i < events.size() && events.get(i).timeNanos() == t; i++) {
                TimelineEvent e = events.get(i);
                if (e instanceof TimelineEvent.LeaderChanged l && l.node() != crashed) {
                    known.put(l.node(), l);
                } else if (e instanceof TimelineEvent.NodeCrashed || e instanceof TimelineEvent.NodeRestarted) {
                    // a second fault within the trial makes the measurement meaningless
                    return new Measured(crashed, 0, -1, 0);
                }
            }
            TimelineEvent.LeaderChanged agreed = agreedLeader(known, members, crashed);
            if (agreed != null) {
                return new Measured(crashed, agreed.toLeader(), t - t0, agreed.term() - termAtCrash);
            }
        }
        return new Measured(crashed, 0, -1, 0);
    }

    /** The survivors' common knowledge of a new leader (the latest such event), or null while they disagree. */
    private static TimelineEvent.LeaderChanged agreedLeader(SortedMap<Integer, TimelineEvent.LeaderChanged> known,
            List<Integer> members, int crashed) {
        TimelineEvent.LeaderChanged agreed = null;
        for (int m : members) {
            if (m == crashed) {
                continue;
            }
            TimelineEvent.LeaderChanged k = known.get(m);
            if (k == null || k.toLeader() == 0 || k.toLeader() == crashed
                    || (agreed != null && (k.toLeader() != agreed.toLeader() || k.term() != agreed.term()))) {
                return null;
            }
            agreed = agreed == null || k.timeNanos() > agreed.timeNanos() ? k : agreed;
        }
        return agreed;
    }
}
