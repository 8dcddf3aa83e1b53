package io.stormglass.experiment.fuzz;

import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.FaultSpec.MemberChange.Action;
import io.stormglass.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns {@link FaultKind#MEMBER_CHANGE} draws, in time order, into a sequence of membership changes that
 * etcd's rules and the scenario loader accept, walking the cluster's size up and down between
 * {@link #MIN_VOTERS} and {@link #MAX_MEMBERS} voters as an operator scaling it would: growing, each change
 * promotes the learner the walk added, or adds an unused spare, as a learner (etcd's advice; its
 * {@code --max-learners} is 1) or, one draw in {@link #VOTER_ADD_ONE_IN}, directly as a voter; shrinking,
 * each removes a voter (the draw's {@code target} picks which). The first change's {@code param}
 * picks the direction; the walk turns round when it can go no further (no spare left or seven members; one
 * voter). One draw in {@link #REPLACE_ONE_IN} replaces a voter by a spare instead (the size stays). Removals
 * and replacements count only the voters the run is sure to have (see {@code certain}). A draw that allows
 * no change is dropped, and so is one in the run's first {@link #SETTLE_NANOS}: etcd refuses to reconfigure a
 * cluster whose peers have not been connected to the leader that long ({@code etcdserver: unhealthy cluster}).
 * With a 3-member base and 4 spares the cluster walks between 1 and 7 voters.
 * Whether etcd accepts each change at run time (a learner not yet in sync, a change that
 * {@code --strict-reconfig-check} refuses) is the run's business, not the walk's.
 */
final class MembershipWalk {
    /** etcd's recommended largest cluster. */
    static final int MAX_MEMBERS = 7;
    /**
     * Fewest voters a removal leaves: one, as etcd allows. Two bugs kept the walk at two for a while, both
     * fixed (docs/safety-testing.md, "Bugs the suite found"): a single voter rebooted with an unsynced
     * commit index answered reads with it (campaign seed 343), and the last voter could lose the commit of
     * the removal that left it alone while the removed member had stopped (seeds 412, 570, 930).
     */
    static final int MIN_VOTERS = 1;
    /**
     * Fewest certain voters a replacement needs: it powers its member off for good, so the removal must
     * commit without it, which a configuration of two cannot do.
     */
    static final int MIN_VOTERS_TO_REPLACE = 3;

    /**
     * No change before this far into the run: etcd's {@code --strict-reconfig-check} wants the leader's peers
     * connected for its {@code HealthInterval} (5 s) before it adds or removes a member (see
     * {@code MemberChanges}), so an operator's change that early would only be refused.
     */
    static final long SETTLE_NANOS = 5_000_000_000L;
    /** One draw in this many replaces a voter instead of growing or shrinking the cluster. */
    static final int REPLACE_ONE_IN = 6;
    /**
     * One growing addition in this many adds the spare as a voter at once ({@code member add} without
     * {@code --learner}), so a promotion that etcd refused (the learner not yet in sync) does not stop the
     * cluster's growth: the refused learner keeps the one learner slot.
     */
    static final int VOTER_ADD_ONE_IN = 3;

    private final TreeSet<Integer> voters = new TreeSet<>();
    /**
     * The voters the run is sure to have: the initial members not yet removed. A promotion or a
     * replacement's addition may be refused at run time (a learner not yet in sync, strict-reconfig-check),
     * so the members they add count as voters for the walk's choices but not towards the bounds that keep a
     * quorum alive (found: a walk that counted two refused promotions removed two of three initial members,
     * then replaced the third, and the cluster could never commit the removal).
     */
    private final TreeSet<Integer> certain = new TreeSet<>();
    private final TreeSet<Integer> spares = new TreeSet<>();
    private int learner;
    /** Growing (adding and promoting) or shrinking (removing); null until the first change picks. */
    private Boolean growing;

    MembershipWalk(Scenario base) {
        base.cluster().members().forEach(m -> voters.add(m.id()));
        certain.addAll(voters);
        base.cluster().spares().forEach(m -> spares.add(m.id()));
    }

    /** The change {@code d} stands for now, or null if none can happen. */
    FaultSpec.MemberChange next(FaultSpec.Timing instant, FaultDraw d) {
        if (instant.atNanos() < SETTLE_NANOS) {
            return null;
        }
        if (growing == null) {
            growing = Math.floorMod(d.param(), 2) == 0;
        }
        if (Math.floorMod(d.param(), REPLACE_ONE_IN) == REPLACE_ONE_IN - 1) {
            FaultSpec.MemberChange c = replace(instant, d.target());
            if (c != null) {
                return c;
            }
        }
        for (int turn = 0; turn < 2; turn++) {
            FaultSpec.MemberChange c = growing ? grow(instant, Math.floorMod(d.param(), VOTER_ADD_ONE_IN) == 0)
                    : shrink(instant, d.target());
            if (c != null) {
                return c;
            }
            growing = !growing; // at a bound: turn round
        }
        return replace(instant, d.target());
    }

    /**
     * Promotes the learner the walk added, or adds the next spare (as a voter if {@code asVoter}, else as a
     * learner); null at seven members or without spares.
     */
    private FaultSpec.MemberChange grow(FaultSpec.Timing at, boolean asVoter) {
        if (learner != 0) {
            int promoted = learner;
            learner = 0;
            voters.add(promoted);
            return new FaultSpec.MemberChange(at, Action.PROMOTE, promoted, 0);
        }
        if (spares.isEmpty() || voters.size() >= MAX_MEMBERS) {
            return null;
        }
        int added = spares.pollFirst();
        if (asVoter) {
            voters.add(added);
            return new FaultSpec.MemberChange(at, Action.ADD, added, 0);
        }
        learner = added;
        return new FaultSpec.MemberChange(at, Action.ADD_LEARNER, added, 0);
    }

    /** Removes a voter ({@code target} picks among those the certain-voter bound allows); null at one voter. */
    private FaultSpec.MemberChange shrink(FaultSpec.Timing at, int target) {
        if (voters.size() <= MIN_VOTERS) {
            return null;
        }
        TreeSet<Integer> removable = new TreeSet<>(voters);
        if (certain.size() <= MIN_VOTERS) {
            removable.removeAll(certain);
        }
        int removed = pick(removable, target);
        voters.remove(removed);
        certain.remove(removed);
        return new FaultSpec.MemberChange(at, Action.REMOVE, removed, 0);
    }

    /** Replaces a voter by the next spare; null without a spare or with fewer than three certain voters. */
    private FaultSpec.MemberChange replace(FaultSpec.Timing at, int target) {
        if (spares.isEmpty() || learner != 0 || certain.size() < MIN_VOTERS_TO_REPLACE) {
            return null;
        }
        int replaced = pick(voters, target);
        int with = spares.pollFirst();
        voters.remove(replaced);
        certain.remove(replaced);
        voters.add(with);
        return new FaultSpec.MemberChange(at, Action.REPLACE, replaced, with);
    }

    private static int pick(TreeSet<Integer> from, int target) {
        List<Integer> ids = new ArrayList<>(from);
        return ids.get(Math.floorMod(target, ids.size()));
    }
}
