package io.stormglass.raft.log;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A change of one member (etcd-io/raft {@code raftpb.ConfChange}, the "V1" change etcd's server
 * proposes for {@code member add/remove/promote/update}). Always applied directly, never through a
 * joint configuration: a single-server change keeps every majority of the old configuration
 * overlapping every majority of the new one (thesis §4.1). Equality compares the context's contents.
 *
 * @param context application data (etcd: the member's attributes), never null
 */
public record ConfChange(ConfChangeType type, long nodeId, byte[] context) implements ConfChangeRequest {
    private static final byte[] EMPTY = new byte[0];

    public ConfChange {
        Objects.requireNonNull(type, "type");
        if (nodeId < 0) {
            throw new IllegalArgumentException("negative node id " + nodeId);
        }
        context = context == null ? EMPTY : context;
    }

    public ConfChange(ConfChangeType type, long nodeId) {
        this(type, nodeId, null);
    }

    @Override
    public ConfChangeV2 asV2() {
        return new ConfChangeV2(ConfChangeTransition.AUTO, List.of(new ConfChangeSingle(type, nodeId)), context);
    }

    @Override
    public EntryType entryType() {
        return EntryType.CONF_CHANGE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfChange c && c.type == type && c.nodeId == nodeId && Arrays.equals(c.context, context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, nodeId, Arrays.hashCode(context));
    }

    @Override
    public String toString() {
        return new ConfChangeSingle(type, nodeId).toString();
    }
}
