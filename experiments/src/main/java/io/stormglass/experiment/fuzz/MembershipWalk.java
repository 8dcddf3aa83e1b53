package io.stormglass.experiment.fuzz;

import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.FaultSpec.MemberChange.Action;
import io.stormglass.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns {@link FaultKind#MEMBER_CHANGE} draws, in time order, into a sequence of membership changes that
 * etcd's rules and the scenario loader accept: a learner is added only from an unused spare and while no
 * other learner waits (etcd's {@code --max-learners} 1) and fewer than {@link #MAX_MEMBERS} members are
 * there; only the learner is promoted; a removal or a replacement leaves at least {@link #MIN_VOTERS} voters; a replacement takes a
 * voter and an unused spare; both bounds count only the voters the run is sure to have (see {@code certain}). A draw's {@code param} picks the change (add, promote, remove, replace), its
 * {@code target} the member among the candidates; a change that cannot happen then falls to the next
 * kind in that order, and a draw that allows none is dropped. With a 3-member base and 4 spares the
 * cluster walks between 2 and 7 voters. Whether etcd accepts each change at run time (a learner not yet
 * in sync, a change that {@code --strict-reconfig-check} refuses) is the run's business, not the walk's.
 */
final class MembershipWalk {
    /** etcd's recommended largest cluster. */
    static final int MAX_MEMBERS = 7;
    /**
     * Fewest voters a removal or replacement leaves. Not 1: a cluster shrunk to one voter whose last
     * removal was committed but not yet synced (etcd syncs no Ready that only moves the commit index)
     * deadlocks when that voter loses power: it reboots with the removed member still in its
     * configuration, and that member has stopped (found by the campaign, seeds 412, 570, 930; see
     * docs/safety-testing.md). That is an operator's mistake etcd-io/raft would not survive either.
     */
    static final int MIN_VOTERS = 2;
    /**
     * Fewest certain voters a replacement needs: it powers its member off for good, so the removal must
     * commit without it, which a configuration of two cannot do.
     */
    static final int MIN_VOTERS_TO_REPLACE = 3;

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

    MembershipWalk(Scenario base) {
        base.cluster().members().forEach(m -> voters.add(m.id()));
        certain.addAll(voters);
        base.cluster().spares().forEach(m -> spares.add(m.id()));
    }

    /** The change {@code d} stands for now, or null if none can happen. */
    FaultSpec.MemberChange next(FaultSpec.Timing instant, FaultDraw d) {
        for (int k = 0; k < 4; k++) {
            FaultSpec.MemberChange c = attempt(Math.floorMod(d.param() + k, 4), instant, d.target());
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private FaultSpec.MemberChange attempt(int kind, FaultSpec.Timing at, int target) {
        switch (kind) {
            case 0 -> {
                if (learner == 0 && !spares.isEmpty() && voters.size() < MAX_MEMBERS) {
                    learner = spares.pollFirst();
                    return new FaultSpec.MemberChange(at, Action.ADD_LEARNER, learner, 0);
                }
            }
            case 1 -> {
                if (learner != 0) {
                    int promoted = learner;
                    learner = 0;
                    voters.add(promoted);
                    return new FaultSpec.MemberChange(at, Action.PROMOTE, promoted, 0);
                }
            }
            case 2 -> {
                int removed = pick(voters, target);
                if (voters.size() > MIN_VOTERS && certain.size() - (certain.contains(removed) ? 1 : 0) >= MIN_VOTERS) {
                    voters.remove(removed);
                    certain.remove(removed);
                    return new FaultSpec.MemberChange(at, Action.REMOVE, removed, 0);
                }
            }
            default -> {
                if (!spares.isEmpty() && voters.size() > MIN_VOTERS && certain.size() >= MIN_VOTERS_TO_REPLACE) {
                    int replaced = pick(voters, target);
                    int with = spares.pollFirst();
                    voters.remove(replaced);
                    certain.remove(replaced);
                    voters.add(with);
                    return new FaultSpec.MemberChange(at, Action.REPLACE, replaced, with);
                }
            }
        }
        return null;
    }

    private static int pick(TreeSet<Integer> from, int target) {
        List<Integer> ids = new ArrayList<>(from);
        return ids.get(Math.floorMod(target, ids.size()));
    }
}
