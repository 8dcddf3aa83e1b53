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
 * Each member's role over time, from {@code RoleChanged}, {@code NodeCrashed} and
 * {@code NodeRestarted} events. A member starts as a follower (as etcd does), is
 * {@link NodeRole#DOWN} from a crash to its restart, and a follower again after it.
 */
public final class RoleLanes {
    private final SortedMap<Integer, List<RoleSpan>> lanes;

    private RoleLanes(SortedMap<Integer, List<RoleSpan>> lanes) {
        this.lanes = lanes;
    }

    /** Lanes for {@code members} and every member the events name, up to {@code endNanos}. */
    public static RoleLanes of(List<? extends TimelineEvent> events, List<Integer> members, long endNanos) {
        SortedSet<Integer> ids = new TreeSet<>(members);
        for (TimelineEvent e : events) {
            int node = memberOf(e);
            if (node > 0) {
                ids.add(node);
            }
        }
        SortedMap<Integer, List<RoleSpan>> lanes = new TreeMap<>();
        for (int id : ids) {
            lanes.put(id, laneOf(id, members.contains(id), events, endNanos));
        }
        return new RoleLanes(lanes);
    }

    public SortedMap<Integer, List<RoleSpan>> lanes() {
        return lanes;
    }

    /** Every leadership span, ordered by start time (then member). */
    public List<RoleSpan> leaderships() {
        List<RoleSpan> out = new ArrayList<>();
        lanes.values().forEach(l -> l.stream().filter(s -> s.role() == NodeRole.LEADER).forEach(out::add));
        out.sort((a, b) -> a.startNanos() != b.startNanos()
                ? Long.compare(a.startNanos(), b.startNanos()) : Integer.compare(a.member(), b.member()));
        return out;
    }

    /** The member an event is about, 0 if none. */
    static int memberOf(TimelineEvent e) {
        if (e instanceof TimelineEvent.RoleChanged r) {
            return r.node();
        } else if (e instanceof TimelineEvent.NodeCrashed c) {
            return c.node();
        } else if (e instanceof TimelineEvent.NodeRestarted r) {
            return r.node();
        } else if (e instanceof TimelineEvent.LeaderChanged l) {
            return l.node();
        } else if (e instanceof TimelineEvent.ElectionStarted s) {
            return s.node();
        } else if (e instanceof TimelineEvent.WarningLogged w) {
            return w.node();
        }
        return 0;
    }

    /**
     * A member of the initial cluster is a follower from the start; one that joins later (a spare added
     * at run time) has no span before its first event, so its lane begins when it joins.
     */
    private static List<RoleSpan> laneOf(int id, boolean initial, List<? extends TimelineEvent> events, long endNanos) {
        List<RoleSpan> spans = new ArrayList<>();
        NodeRole role = initial ? NodeRole.FOLLOWER : null;
        long term = 0;
        long since = 0;
        for (TimelineEvent e : events) {
            NodeRole next = role;
            long nextTerm = term;
            if (e instanceof TimelineEvent.RoleChanged r && r.node() == id) {
                next = r.role();
                nextTerm = r.term();
            } else if (e instanceof TimelineEvent.NodeCrashed c && c.node() == id) {
                next = NodeRole.DOWN;
            } else if (e instanceof TimelineEvent.NodeRestarted r && r.node() == id) {
                next = NodeRole.FOLLOWER;
            } else {
                continue;
            }
            if (next == role && nextTerm == term) {
                continue;
            }
            if (e.timeNanos() > since && role != null) {
                spans.add(new RoleSpan(id, since, e.timeNanos(), role, term));
            }
            role = next;
            term = nextTerm;
            since = e.timeNanos();
        }
        if (endNanos > since && role != null) {
            spans.add(new RoleSpan(id, since, endNanos, role, term));
        }
        return spans;
    }
}
