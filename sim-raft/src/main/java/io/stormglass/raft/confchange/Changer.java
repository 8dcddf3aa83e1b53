package io.stormglass.raft.confchange;

import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.quorum.JointConfig;
import io.stormglass.raft.quorum.MajorityConfig;
import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.ProgressTracker;
import io.stormglass.raft.tracker.TrackerConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Derives a new configuration from the active one (etcd-io/raft {@code confchange.Changer}), refusing an
 * invalid change before it touches anything: the result is a new {@link TrackerConfig} and the progress
 * of its members, which the caller installs with {@code ProgressTracker.switchTo}. Progress of members
 * that stay is carried over (the same objects: the changer never mutates one); members that join get
 * fresh progress.
 *
 * <p>Three moves, after the thesis: {@link #simple} changes at most one voter at a time, which keeps every
 * majority of the old configuration overlapping every majority of the new one (§4.1); {@link #enterJoint}
 * moves from C<sub>old</sub> to the joint C<sub>old,new</sub>, where decisions need both majorities, and
 * {@link #leaveJoint} on to C<sub>new</sub> (§4.3). Learners (§4.2.1) change freely in any of them, since
 * they are in no quorum. By convention changes apply to the incoming side; the outgoing side is a frozen
 * copy of the configuration being left.
 */
public final class Changer {
    /** A derived configuration and the progress of exactly its members (voters of both sides and learners). */
    public record Result(TrackerConfig config, SortedMap<Long, Progress> progress) {
        public Result {
            progress = Collections.unmodifiableSortedMap(new TreeMap<>(progress));
        }
    }

    /** Makes the progress of a member that joins (the tracker's inflight limits). */
    @FunctionalInterface
    interface ProgressFactory {
        Progress create(long match, long next);
    }

    private final Result base;
    private final ProgressFactory factory;
    private final long lastIndex;

    /**
     * A changer over {@code tracker}'s active configuration, for a leader or follower whose log ends at
     * {@code lastIndex} (new members are probed from there).
     */
    public Changer(ProgressTracker tracker, long lastIndex) {
        this(new Result(tracker.config(), tracker.progress()), tracker::newProgress, lastIndex);
    }

    private Changer(Result base, ProgressFactory factory, long lastIndex) {
        this.base = base;
        this.factory = factory;
        this.lastIndex = lastIndex;
    }

    /** A changer over the empty configuration (where {@link Restore} starts), with {@code tracker}'s limits. */
    static Changer empty(ProgressTracker tracker, long lastIndex) {
        return new Changer(new Result(TrackerConfig.EMPTY, new TreeMap<>()), tracker::newProgress, lastIndex);
    }

    /** A changer over {@code result}, with the same limits and last index (to chain changes). */
    Changer then(Result result) {
        return new Changer(result, factory, lastIndex);
    }

    /**
     * Enters joint consensus (thesis §4.3): copies the incoming voters to the outgoing side, then applies
     * {@code changes} to the incoming side, giving C<sub>old,new</sub>.
     *
     * @param autoLeave whether the leader leaves the joint configuration by itself once it applied it
     * @throws InvalidConfChangeException if already joint, if there are no voters, or if every voter would go
     */
    public Result enterJoint(boolean autoLeave, List<ConfChangeSingle> changes) {
        Draft d = Draft.of(checked(base));
        if (d.isJoint()) {
            throw new InvalidConfChangeException("config is already joint");
        }
        if (d.incoming.isEmpty()) {
            // Adding voters to an empty configuration is allowed (bootstrap), but it cannot be made joint.
            throw new InvalidConfChangeException("can't make a zero-voter config joint");
        }
        d.outgoing.addAll(d.incoming);
        apply(d, changes);
        d.autoLeave = autoLeave;
        return checked(d.result());
    }

    /**
     * Leaves joint consensus (thesis §4.3, C<sub>old,new</sub> to C<sub>new</sub>): drops the outgoing side;
     * staged learners become learners; outgoing voters that are no longer members lose their progress.
     *
     * @throws InvalidConfChangeException if the configuration is not joint
     */
    public Result leaveJoint() {
        Draft d = Draft.of(checked(base));
        if (!d.isJoint()) {
            throw new InvalidConfChangeException("can't leave a non-joint config");
        }
        d.learners.addAll(d.learnersNext);
        d.learnersNext.clear();
        for (long id : d.outgoing) {
            if (!d.incoming.contains(id) && !d.learners.contains(id)) {
                d.progress.remove(id);
            }
        }
        d.outgoing.clear();
        d.autoLeave = false;
        return checked(d.result());
    }

    /**
     * Applies {@code changes} directly (thesis §4.1): together they may add, remove, promote or demote at
     * most one voter, so that every majority of the old voters overlaps every majority of the new ones.
     *
     * @throws InvalidConfChangeException if joint, if more than one voter changes, or if no voter remains
     */
    public Result simple(List<ConfChangeSingle> changes) {
        Draft d = Draft.of(checked(base));
        if (d.isJoint()) {
            throw new InvalidConfChangeException("can't apply simple config change in joint config");
        }
        apply(d, changes);
        if (symmetricDifference(base.config().voters().incoming(), d.incoming) > 1) {
            throw new InvalidConfChangeException("more than one voter changed without entering joint config");
        }
        return checked(d.result());
    }

    /** Applies changes to the incoming side, in order; node id 0 is a change the application withdrew. */
    private void apply(Draft d, List<ConfChangeSingle> changes) {
        for (ConfChangeSingle cc : changes) {
            if (cc.nodeId() == 0) {
                continue;
            }
            switch (cc.type()) {
                case ADD_NODE -> makeVoter(d, cc.nodeId());
                case ADD_LEARNER_NODE -> makeLearner(d, cc.nodeId());
                case REMOVE_NODE -> remove(d, cc.nodeId());
                case UPDATE_NODE -> {
                    // Changes only what the application keeps about the member.
                }
            }
        }
        if (d.incoming.isEmpty()) {
            throw new InvalidConfChangeException("removed all voters");
        }
    }

    /** Adds {@code id} as an incoming voter, or promotes it (thesis §4.2.1: a caught-up learner becomes a voter). */
    private void makeVoter(Draft d, long id) {
        if (!d.progress.containsKey(id)) {
            join(d, id, false);
            return;
        }
        d.learners.remove(id);
        d.learnersNext.remove(id);
        d.incoming.add(id);
    }

    /**
     * Adds {@code id} as a learner, or demotes it. A voter still on the outgoing side cannot also be a
     * learner; it is staged in learners-next until the joint configuration is left. Its progress is kept.
     */
    private void makeLearner(Draft d, long id) {
        Progress pr = d.progress.get(id);
        if (pr == null) {
            join(d, id, true);
            return;
        }
        if (d.learners.contains(id)) {
            return;
        }
        remove(d, id);
        d.progress.put(id, pr);
        if (d.outgoing.contains(id)) {
            d.learnersNext.add(id);
        } else {
            d.learners.add(id);
        }
    }

    /** Removes {@code id} from the incoming side and the learners; an outgoing voter keeps its progress. */
    private static void remove(Draft d, long id) {
        if (!d.progress.containsKey(id)) {
            return;
        }
        d.incoming.remove(id);
        d.learners.remove(id);
        d.learnersNext.remove(id);
        if (!d.outgoing.contains(id)) {
            d.progress.remove(id);
        }
    }

    /**
     * A new member: probed from the leader's last index (etcd's optimistic choice; a member with an empty
     * log rejects and is backed off, or sent a snapshot), and marked recently active so that CheckQuorum
     * does not count it as down before it had a chance to answer.
     */
    private void join(Draft d, long id, boolean learner) {
        (learner ? d.learners : d.incoming).add(id);
        Progress p = factory.create(0, Math.max(lastIndex, 1));
        p.setRecentActive(true);
        d.progress.put(id, p);
    }

    private static int symmetricDifference(MajorityConfig before, Set<Long> after) {
        int n = 0;
        for (long id : before.voters()) {
            n += after.contains(id) ? 0 : 1;
        }
        for (long id : after) {
            n += before.contains(id) ? 0 : 1;
        }
        return n;
    }

    /** etcd's {@code checkInvariants}: the configuration and the progress map agree. */
    static Result checked(Result r) {
        Invariants.check(r.config(), r.progress());
        return r;
    }

    static JointConfig joint(Collection<Long> incoming, Collection<Long> outgoing) {
        return new JointConfig(new MajorityConfig(List.copyOf(incoming)), new MajorityConfig(List.copyOf(outgoing)));
    }
}
