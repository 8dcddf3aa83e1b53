package io.stormglass.raft.confchange;

import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.tracker.ProgressTracker;
import io.stormglass.raft.tracker.TrackerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rebuilds a configuration from a {@link ConfState} (etcd-io/raft {@code confchange.Restore}): on boot from
 * stable storage and when a snapshot is installed. It replays the configuration as a sequence of
 * {@link Changer} moves from the empty one, so that a restored configuration passes the same checks as a
 * changed one. For a joint ConfState, e.g. voters (1 2 3), outgoing (1 2 4 6), learners (5), learners-next
 * (4): first the outgoing voters one by one, (1 2 4 6); then one joint move that removes them and adds the
 * incoming voters and the learners, giving (1 2 3)&amp;&amp;(1 2 4 6) learners=(5) learners_next=(4).
 */
public final class Restore {
    private Restore() {
    }

    /**
     * The configuration {@code cs} describes, with fresh progress for every member (probed from
     * {@code lastIndex}), limits taken from {@code tracker}; {@code tracker} itself is not changed.
     *
     * @throws InvalidConfChangeException if {@code cs} describes no valid configuration
     */
    public static Changer.Result restore(ProgressTracker tracker, long lastIndex, ConfState cs) {
        Changer changer = Changer.empty(tracker, lastIndex);
        Changer.Result result = new Changer.Result(TrackerConfig.EMPTY, new TreeMap<>());
        for (long id : cs.votersOutgoing()) {
            // Build the outgoing configuration first, as if it were the active one.
            result = changer.simple(List.of(new ConfChangeSingle(ConfChangeType.ADD_NODE, id)));
            changer = changer.then(result);
        }
        List<ConfChangeSingle> incoming = incomingChanges(cs);
        if (cs.votersOutgoing().isEmpty()) {
            for (ConfChangeSingle cc : incoming) {
                result = changer.simple(List.of(cc));
                changer = changer.then(result);
            }
            return result;
        }
        return changer.enterJoint(cs.autoLeave(), incoming);
    }

    /** Remove every outgoing voter, then add the incoming voters, the learners and the staged learners. */
    private static List<ConfChangeSingle> incomingChanges(ConfState cs) {
        List<ConfChangeSingle> in = new ArrayList<>();
        for (long id : cs.votersOutgoing()) {
            in.add(new ConfChangeSingle(ConfChangeType.REMOVE_NODE, id));
        }
        for (long id : cs.voters()) {
            in.add(new ConfChangeSingle(ConfChangeType.ADD_NODE, id));
        }
        for (long id : cs.learners()) {
            in.add(new ConfChangeSingle(ConfChangeType.ADD_LEARNER_NODE, id));
        }
        for (long id : cs.learnersNext()) {
            in.add(new ConfChangeSingle(ConfChangeType.ADD_LEARNER_NODE, id));
        }
        return in;
    }
}
