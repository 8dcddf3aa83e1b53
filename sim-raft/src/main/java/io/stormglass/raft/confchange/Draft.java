package io.stormglass.raft.confchange;

import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.TrackerConfig;
import java.util.TreeMap;
import java.util.TreeSet;

/** A mutable copy of a configuration and its progress map, which one {@link Changer} move edits. */
final class Draft {
    final TreeSet<Long> incoming;
    final TreeSet<Long> outgoing;
    final TreeSet<Long> learners;
    final TreeSet<Long> learnersNext;
    boolean autoLeave;
    final TreeMap<Long, Progress> progress;

    private Draft(Changer.Result r) {
        TrackerConfig c = r.config();
        incoming = new TreeSet<>(c.voters().incoming().voters());
        outgoing = new TreeSet<>(c.voters().outgoing().voters());
        learners = new TreeSet<>(c.learners());
        learnersNext = new TreeSet<>(c.learnersNext());
        autoLeave = c.autoLeave();
        progress = new TreeMap<>(r.progress());
    }

    static Draft of(Changer.Result r) {
        return new Draft(r);
    }

    boolean isJoint() {
        return !outgoing.isEmpty();
    }

    Changer.Result result() {
        TrackerConfig c = new TrackerConfig(Changer.joint(incoming, outgoing), autoLeave, learners.stream().toList(),
                learnersNext.stream().toList());
        return new Changer.Result(c, progress);
    }
}
