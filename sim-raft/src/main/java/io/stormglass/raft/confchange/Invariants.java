package io.stormglass.raft.confchange;

import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.TrackerConfig;
import java.util.List;
import java.util.SortedMap;

/**
 * What every configuration the {@link Changer} accepts or returns satisfies (etcd's
 * {@code checkInvariants}, plus: no progress for non-members). The empty configuration is allowed: it is
 * where a configuration is restored from.
 */
final class Invariants {
    private Invariants() {
    }

    static void check(TrackerConfig cfg, SortedMap<Long, Progress> progress) {
        List<Long> incoming = cfg.voters().incoming().voters();
        List<Long> outgoing = cfg.voters().outgoing().voters();
        for (List<Long> ids : List.of(incoming, outgoing, cfg.learners(), cfg.learnersNext())) {
            for (long id : ids) {
                if (!progress.containsKey(id)) {
                    throw new InvalidConfChangeException("no progress for " + id);
                }
            }
        }
        for (long id : progress.keySet()) {
            if (!cfg.voters().contains(id) && !cfg.isLearner(id)) {
                throw new InvalidConfChangeException("progress for " + id + ", which is not a member");
            }
        }
        // A staged learner was staged because it is still an outgoing voter.
        for (long id : cfg.learnersNext()) {
            if (!outgoing.contains(id)) {
                throw new InvalidConfChangeException(id + " is in LearnersNext, but not Voters[1]");
            }
            if (cfg.isLearner(id)) {
                throw new InvalidConfChangeException(id + " is in LearnersNext, but is already marked as learner");
            }
        }
        // Learners and voters of either side are disjoint.
        for (long id : cfg.learners()) {
            if (outgoing.contains(id)) {
                throw new InvalidConfChangeException(id + " is in Learners and Voters[1]");
            }
            if (incoming.contains(id)) {
                throw new InvalidConfChangeException(id + " is in Learners and Voters[0]");
            }
        }
        if (!cfg.isJoint()) {
            if (!cfg.learnersNext().isEmpty()) {
                throw new InvalidConfChangeException("cfg.LearnersNext must be nil when not joint");
            }
            if (cfg.autoLeave()) {
                throw new InvalidConfChangeException("AutoLeave must be false when not joint");
            }
        }
    }
}
