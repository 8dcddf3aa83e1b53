package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.FaultSchema.*;

import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.FaultSpec.MemberChange.Action;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Binds the operator's membership actions of the fault timeline ({@code member-add}, {@code member-promote},
 * {@code member-remove}, {@code member-replace}, {@code move-leader}, {@code rolling-restart}) and checks them
 * against each other in time order, as etcd would answer them: a member added must be a spare not added
 * before, a promoted member a learner, a removed or replaced member one in the cluster then.
 */
final class MembershipActionBinder {
    private record Bound(FaultSpec.MemberChange change, MapReader reader, String key) {
    }

    private final int initialSize;
    private final int allMembers;
    private final List<Bound> changes = new ArrayList<>();

    MembershipActionBinder(int initialSize, int spares) {
        this.initialSize = initialSize;
        this.allMembers = initialSize + spares;
    }

    /** The action {@code action} of fault {@code f}; null after recording a problem. */
    FaultSpec bind(MapReader f, FaultSpec.Timing timing, String action) {
        if (timing.forNanos() > 0 || timing.everyNanos() > 0) {
            f.problem(timing.forNanos() > 0 ? "for" : "every", action + " is an instant operator action; leave for and every out");
        }
        if (!action.equals(MEMBER_ADD.name()) && LEARNER.in(f)) {
            LEARNER.problem(f, "applies to member-add only");
        }
        return switch (action) {
            case "move-leader" -> moveLeader(f, timing);
            case "rolling-restart" -> f.optionalMap("rolling-restart").map(m -> {
                FaultSpec r = new FaultSpec.RollingRestart(timing, RESTART_DOWN.read(m), RESTART_MOVE_LEADER.read(m));
                m.finish();
                return r;
            }).orElse(null);
            case "member-replace" -> f.optionalMap("member-replace").map(m -> {
                int member = NetworkBinder.member(m, REPLACE_MEMBER.name(), allMembers);
                int with = NetworkBinder.member(m, REPLACE_WITH.name(), allMembers);
                m.finish();
                return member == 0 || with == 0 ? null : (FaultSpec) record(new FaultSpec.MemberChange(timing, Action.REPLACE, member, with),
                        m, REPLACE_WITH.name());
            }).orElse(null);
            default -> single(f, timing, action);
        };
    }

    private FaultSpec single(MapReader f, FaultSpec.Timing timing, String action) {
        int member = NetworkBinder.member(f, action, allMembers);
        if (member == 0) {
            return null;
        }
        Action kind = action.equals(MEMBER_PROMOTE.name()) ? Action.PROMOTE : action.equals(MEMBER_REMOVE.name()) ? Action.REMOVE
                : LEARNER.read(f) ? Action.ADD_LEARNER : Action.ADD;
        return record(new FaultSpec.MemberChange(timing, kind, member, 0), f, action);
    }

    private FaultSpec record(FaultSpec.MemberChange c, MapReader r, String key) {
        changes.add(new Bound(c, r, key));
        return c;
    }

    private FaultSpec moveLeader(MapReader f, FaultSpec.Timing timing) {
        YamlNode node = f.nodeOf(MOVE_LEADER.name());
        if (node instanceof YamlNode.YamlScalar s && s.text().equals("auto")) {
            return new FaultSpec.MoveLeader(timing, 0);
        }
        int member = NetworkBinder.memberId(f, MOVE_LEADER.name(), node, allMembers);
        return member == 0 ? null : new FaultSpec.MoveLeader(timing, member);
    }

    /** After every fault was bound: the changes, in time order, against the membership they find. */
    void checkSequence() {
        TreeSet<Integer> voters = new TreeSet<>();
        for (int id = 1; id <= initialSize; id++) {
            voters.add(id);
        }
        TreeSet<Integer> learners = new TreeSet<>();
        TreeSet<Integer> used = new TreeSet<>(voters);
        List<Bound> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparingLong(b -> b.change().timing().atNanos()));
        for (Bound b : ordered) {
            String problem = apply(b.change(), voters, learners, used);
            if (problem != null) {
                b.reader().problem(b.key(), problem);
            }
        }
    }

    private String apply(FaultSpec.MemberChange c, TreeSet<Integer> voters, TreeSet<Integer> learners, TreeSet<Integer> used) {
        int m = c.member();
        String spares = initialSize == allMembers ? "there are none: set cluster.spare-members"
                : "spares are " + (initialSize + 1) + ".." + allMembers;
        switch (c.action()) {
            case ADD, ADD_LEARNER -> {
                if (used.contains(m)) {
                    return m <= initialSize ? "member " + m + " is in the initial cluster; member-add takes a spare member (" + spares + ")"
                            : "member " + m + " was added earlier; a removed member's id is never reused (etcd)";
                }
                used.add(m);
                (c.action() == Action.ADD ? voters : learners).add(m);
            }
            case PROMOTE -> {
                if (!learners.remove(m)) {
                    return "member " + m + (voters.contains(m) ? " is a voter" : " is not a member then")
                            + "; member-promote takes a learner added by member-add with learner: true";
                }
                voters.add(m);
            }
            case REMOVE -> {
                if (!voters.remove(m) && !learners.remove(m)) {
                    return "member " + m + " is not a member then (removed, or a spare not added)";
                }
            }
            case REPLACE -> {
                if (!voters.remove(m)) {
                    return "member " + m + " is not a voter then; member-replace replaces a voter";
                }
                if (used.contains(c.with())) {
                    return "member " + c.with() + " is not an unused spare (" + spares + ")";
                }
                used.add(c.with());
                voters.add(c.with());
            }
        }
        return null;
    }
}
