package io.stormglass.engine.timeline;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Something worth a line in a run's timeline. A closed family: reports and checkers switch over
 * it exhaustively. Times are virtual nanoseconds; nodes are member ids (0 means none).
 */
public sealed interface TimelineEvent {
    long timeNanos();

    /** Short type name used in {@code events.jsonl}. */
    String type();

    /** A member's role changed. */
    record RoleChanged(long timeNanos, int node, NodeRole role, long term) implements TimelineEvent {
        @Override
        public String type() {
            return "role_changed";
        }
    }

    /** A member saw the leader change (etcd: "changed leader from A to B at term T"); 0 = no leader. */
    record LeaderChanged(long timeNanos, int node, long term, int fromLeader, int toLeader) implements TimelineEvent {
        @Override
        public String type() {
            return "leader_changed";
        }
    }

    /** A member started an election (or a pre-vote). */
    record ElectionStarted(long timeNanos, int node, long term, boolean preVote) implements TimelineEvent {
        @Override
        public String type() {
            return "election_started";
        }
    }

    /** A member crashed (power loss or process kill), or stopped for {@link #REMOVED}. */
    record NodeCrashed(long timeNanos, int node, String reason) implements TimelineEvent {
        /** The reason a member that applied its own removal stops with (etcd's text): a stop, not a failure. */
        public static final String REMOVED = "the member has been permanently removed from the cluster";

        @Override
        public String type() {
            return "node_crashed";
        }
    }

    /** A member started again after a crash. */
    record NodeRestarted(long timeNanos, int node) implements TimelineEvent {
        @Override
        public String type() {
            return "node_restarted";
        }
    }

    /**
     * A member logged a warning, with etcd's message text and fields (as they appear in its log).
     *
     * @param durationNanos the duration the warning is about, as a number (the {@code took} of
     *                      {@code slow fdatasync}, the {@code time spent} of {@code request stats}...),
     *                      or {@link #NO_DURATION}: readers use it instead of parsing the text field
     */
    record WarningLogged(long timeNanos, int node, String message, SortedMap<String, String> fields, long durationNanos)
            implements TimelineEvent {
        /** The warning is not about a duration. */
        public static final long NO_DURATION = -1;

        public WarningLogged {
            fields = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(fields));
        }

        public WarningLogged(long timeNanos, int node, String message, Map<String, String> fields, long durationNanos) {
            this(timeNanos, node, message, new TreeMap<>(fields), durationNanos);
        }

        public WarningLogged(long timeNanos, int node, String message, Map<String, String> fields) {
            this(timeNanos, node, message, new TreeMap<>(fields), NO_DURATION);
        }

        @Override
        public String type() {
            return "warning";
        }
    }

    /**
     * A fault was switched on or off ({@code target} such as {@code "disk/n1"}, {@code "net"}); with the target
     * {@link #MEMBERSHIP} an operator's membership command or its outcome, an instant (always active).
     */
    record FaultChanged(long timeNanos, String target, String description, boolean active) implements TimelineEvent {
        /** The target of operator actions on the membership: marks, not spans. */
        public static final String MEMBERSHIP = "membership";

        @Override
        public String type() {
            return "fault";
        }
    }

    /**
     * A membership change (add, promote, remove) was applied: from now on a quorum is a majority of
     * {@code voters} (ids in ascending order), which a learner's addition leaves as they were. Learners
     * are not voters.
     */
    record VotersChanged(long timeNanos, List<Integer> voters) implements TimelineEvent {
        public VotersChanged {
            voters = List.copyOf(new TreeSet<>(voters));
        }

        @Override
        public String type() {
            return "voters_changed";
        }
    }

    /**
     * A span of background activity began or ended, such as a neighbour's burst of I/O.
     *
     * @param device the device the activity runs on, or null when it is not a device's
     */
    record ActivityMarked(long timeNanos, String source, String label, boolean begins, String device) implements TimelineEvent {
        /** The label of a member's defragmentation (its source is the member, {@code n<id>}). */
        public static final String DEFRAG = "defrag";

        /** An activity that is no device's. */
        public ActivityMarked(long timeNanos, String source, String label, boolean begins) {
            this(timeNanos, source, label, begins, null);
        }

        @Override
        public String type() {
            return "activity";
        }
    }
}
