package io.stormglass.report.internal.analysis;

import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * When the cluster could serve writes: a member is leader and a majority of the voters (the leader
 * included) know it as their leader. The voters are the initial members until a {@code VotersChanged}
 * event (an applied membership change) replaces them; a spare that has not joined, or a learner, never
 * counts. Followers learn the leader from {@code LeaderChanged}; a member that crashes, restarts,
 * becomes a candidate or stops leading forgets it. If a recording has no {@code LeaderChanged} events
 * at all, a leader with a majority of voters up counts as known.
 *
 * @param unavailableNanos   total time with no leader known to a majority, from time 0 to the end
 * @param initialNanos       the part of it before the first such leader (the initial election)
 * @param gaps               each unavailable span, in time order
 */
public record Availability(long unavailableNanos, long initialNanos, List<Gap> gaps) {

    /** No leader was known to a majority over {@code [startNanos, endNanos)}. */
    public record Gap(long startNanos, long endNanos) {
        public long lengthNanos() {
            return endNanos - startNanos;
        }
    }

    /** The longest gap, or null if there was none. */
    public Gap longest() {
        Gap best = null;
        for (Gap g : gaps) {
            if (best == null || g.lengthNanos() > best.lengthNanos()) {
                best = g;
            }
        }
        return best;
    }

    /**
     * Computes availability from {@code events} (in time order) over {@code [0, endNanos)}, for a cluster whose
     * voters are {@code initialVoters} until the events change them.
     */
    public static Availability of(List<? extends TimelineEvent> events, List<Integer> initialVoters, long endNanos) {
        boolean leaderEvents = events.stream().anyMatch(e -> e instanceof TimelineEvent.LeaderChanged);
        SortedMap<Integer, NodeRole> role = new TreeMap<>();
        SortedMap<Integer, Integer> known = new TreeMap<>();
        for (int m : initialVoters) {
            role.put(m, NodeRole.FOLLOWER);
        }
        SortedSet<Integer> voters = new TreeSet<>(initialVoters);
        List<Gap> gaps = new ArrayList<>();
        long gapStart = 0;
        boolean available = false;
        long firstAvailable = -1;
        int i = 0;
        while (i < events.size() && events.get(i).timeNanos() < endNanos) {
            long t = events.get(i).timeNanos();
            // apply every event of this instant before judging, so transient same-time states do not count
            while (i < events.size() && events.get(i).timeNanos() == t) {
                TimelineEvent e = events.get(i++);
                if (e instanceof TimelineEvent.VotersChanged v) {
                    voters = new TreeSet<>(v.voters());
                }
                apply(e, role, known);
            }
            boolean now = leaderKnown(role, known, voters, leaderEvents);
            if (now && !available) {
                if (t > gapStart) {
                    gaps.add(new Gap(gapStart, t));
                }
                if (firstAvailable < 0) {
                    firstAvailable = t;
                }
            } else if (!now && available) {
                gapStart = t;
            }
            available = now;
        }
        if (!available && endNanos > gapStart) {
            gaps.add(new Gap(gapStart, endNanos));
        }
        long total = gaps.stream().mapToLong(Gap::lengthNanos).sum();
        long initial = firstAvailable < 0 ? endNanos : firstAvailable;
        return new Availability(total, initial, List.copyOf(gaps));
    }

    /** Every member's role and known leader, whether or not it votes (a learner may be promoted later). */
    private static void apply(TimelineEvent e, SortedMap<Integer, NodeRole> role, SortedMap<Integer, Integer> known) {
        if (e instanceof TimelineEvent.LeaderChanged l) {
            known.put(l.node(), l.toLeader());
        } else if (e instanceof TimelineEvent.RoleChanged r) {
            role.put(r.node(), r.role());
            if (r.role() == NodeRole.LEADER) {
                known.put(r.node(), r.node());
            } else if (r.role() == NodeRole.DOWN || r.role() == NodeRole.CANDIDATE
                    || known.getOrDefault(r.node(), 0) == r.node()) {
                // etcd's becomeCandidate resets the term and forgets the leader; a pre-candidate keeps it
                known.put(r.node(), 0);
            }
        } else if (e instanceof TimelineEvent.NodeCrashed c) {
            role.put(c.node(), NodeRole.DOWN);
            known.put(c.node(), 0);
        } else if (e instanceof TimelineEvent.NodeRestarted r) {
            role.put(r.node(), NodeRole.FOLLOWER);
            known.put(r.node(), 0);
        }
    }

    private static boolean leaderKnown(SortedMap<Integer, NodeRole> role, SortedMap<Integer, Integer> known,
                                       SortedSet<Integer> voters, boolean leaderEvents) {
        int majority = voters.size() / 2 + 1;
        for (var e : role.entrySet()) {
            if (e.getValue() != NodeRole.LEADER) {
                continue;
            }
            int leader = e.getKey();
            long count = voters.stream().filter(v -> leaderEvents
                    ? known.getOrDefault(v, 0) == leader
                    : role.getOrDefault(v, NodeRole.DOWN) != NodeRole.DOWN).count();
            if (count >= majority) {
                return true;
            }
        }
        return false;
    }
}
