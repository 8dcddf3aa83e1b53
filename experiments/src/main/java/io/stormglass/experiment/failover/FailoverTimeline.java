package io.stormglass.experiment.failover;

import io.stormglass.engine.timeline.TimelineEvent;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a failover out of a run's timeline: the first {@code NodeCrashed} at or after the crash
 * instant names the crashed leader; the failover ends at the first instant at which every other
 * member's last {@code LeaderChanged} names one and the same new leader. A follower learns its
 * leader from the leader's first message in the new term (etcd's {@code raft.node: elected leader}),
 * so this is the Raft paper's "time until the new leader's heartbeat reaches the others" (§9.3).
 */
final class FailoverTimeline {
    private FailoverTimeline() {
    }

    /**
     * @param events       the run's timeline in time order
     * @param members      member ids of the cluster
     * @param crashAtNanos when the leader crash was scheduled
     * @return {crashed leader (0 if no crash was recorded), new leader (0 if none), failover nanos (-1 if none)}
     */
    static long[] measure(List<? extends TimelineEvent> events, List<Integer> members, long crashAtNanos) {
        int crashed = 0;
        long t0 = -1;
        SortedMap<Integer, Integer> known = new TreeMap<>();
        int i = 0;
        for (; i < events.size(); i++) {
            TimelineEvent e = events.get(i);
            if (e instanceof TimelineEvent.LeaderChanged l) {
                known.put(l.node(), l.toLeader());
            }
            if (e instanceof TimelineEvent.NodeCrashed c && e.timeNanos() >= crashAtNanos) {
                crashed = c.node();
                t0 = e.timeNanos();
                i++;
                break;
            }
        }
        if (crashed == 0) {
            return new long[] {0, 0, -1};
        }
        known.remove(crashed);
        while (i < events.size()) {
            long t = events.get(i).timeNanos();
            // apply every event of this instant before judging, so transient same-time states do not count
            for (; i < events.size() && events.get(i).timeNanos() == t; i++) {
                TimelineEvent e = events.get(i);
                if (e instanceof TimelineEvent.LeaderChanged l && l.node() != crashed) {
                    known.put(l.node(), l.toLeader());
                } else if (e instanceof TimelineEvent.NodeCrashed || e instanceof TimelineEvent.NodeRestarted) {
                    // a second fault within the trial makes the measurement meaningless
                    return new long[] {crashed, 0, -1};
                }
            }
            int agreed = agreedLeader(known, members, crashed);
            if (agreed != 0) {
                return new long[] {crashed, agreed, t - t0};
            }
        }
        return new long[] {crashed, 0, -1};
    }

    private static int agreedLeader(SortedMap<Integer, Integer> known, List<Integer> members, int crashed) {
        int leader = 0;
        for (int m : members) {
            if (m == crashed) {
                continue;
            }
            Integer k = known.get(m);
            if (k == null || k == 0 || k == crashed || (leader != 0 && k != leader)) {
                return 0;
            }
            leader = k;
        }
        return leader;
    }
}
