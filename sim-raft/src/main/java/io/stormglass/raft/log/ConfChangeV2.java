package io.stormglass.raft.log;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Any number of member changes made together (etcd-io/raft {@code raftpb.ConfChangeV2}). More than one
 * change, or an explicit joint transition, goes through joint consensus (thesis §4.3): the cluster first
 * moves to C<sub>old,new</sub>, where every decision needs a majority of both, then to C<sub>new</sub>.
 * The empty change with the {@link ConfChangeTransition#AUTO AUTO} transition leaves a joint
 * configuration. Equality compares the context's contents.
 *
 * @param changes the changes, applied in order; immutable
 * @param context application data, never null
 */
public record ConfChangeV2(ConfChangeTransition transition, List<ConfChangeSingle> changes, byte[] context)
        implements ConfChangeRequest {
    /** The change that leaves a joint configuration (what the leader proposes to leave one automatically). */
    public static final ConfChangeV2 LEAVE_JOINT = new ConfChangeV2(ConfChangeTransition.AUTO, List.of(), null);
    private static final byte[] EMPTY = new byte[0];

    public ConfChangeV2 {
        Objects.requireNonNull(transition, "transition");
        changes = List.copyOf(changes);
        context = context == null ? EMPTY : context;
    }

    public ConfChangeV2(ConfChangeTransition transition, List<ConfChangeSingle> changes) {
        this(transition, changes, null);
    }

    /**
     * Whether applying this change enters a joint configuration (etcd's {@code EnterJoint}): when it has
     * more than one change or asks for a joint transition explicitly. Some multi-change sets could be
     * made directly, but that depends on the configuration they apply to; joint consensus is always safe.
     */
    public boolean entersJoint() {
        return transition != ConfChangeTransition.AUTO || changes.size() > 1;
    }

    /** For a change that {@link #entersJoint() enters} a joint configuration: whether the leader leaves it by itself. */
    public boolean leavesJointAutomatically() {
        return entersJoint() && transition != ConfChangeTransition.JOINT_EXPLICIT;
    }

    /** Whether this is the empty change that leaves a joint configuration (etcd's {@code LeaveJoint}). */
    public boolean leavesJoint() {
        return transition == ConfChangeTransition.AUTO && changes.isEmpty();
    }

    @Override
    public ConfChangeV2 asV2() {
        return this;
    }

    @Override
    public EntryType entryType() {
        return EntryType.CONF_CHANGE_V2;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfChangeV2 c && c.transition == transition && c.changes.equals(changes)
                && Arrays.equals(c.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transition, changes, Arrays.hashCode(context));
    }

    /** The changes in etcd's short form ({@code v2 l3 r1}), the transition if not AUTO. */
    @Override
    public String toString() {
        String ops = changes.stream().map(ConfChangeSingle::toString).collect(Collectors.joining(" "));
        String text = leavesJoint() ? "leave-joint" : ops.isEmpty() ? "no-change" : ops;
        return transition == ConfChangeTransition.AUTO ? text : text + " " + transition;
    }
}
