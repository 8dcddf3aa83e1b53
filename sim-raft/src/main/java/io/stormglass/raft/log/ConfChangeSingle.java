package io.stormglass.raft.log;

import java.util.Objects;

/**
 * One change to the configuration (etcd-io/raft {@code raftpb.ConfChangeSingle}). Node id 0 is a change
 * that the application decided not to make (etcd zeroes it); it is ignored when applied.
 *
 * @param nodeId the member concerned, 0 for none
 */
public record ConfChangeSingle(ConfChangeType type, long nodeId) {
    public ConfChangeSingle {
        Objects.requireNonNull(type, "type");
        if (nodeId < 0) {
            throw new IllegalArgumentException("negative node id " + nodeId);
        }
    }

    /** etcd's short form, as in its test scripts: {@code v2} (voter), {@code l2} (learner), {@code r2}, {@code u2}. */
    @Override
    public String toString() {
        char c = switch (type) {
            case ADD_NODE -> 'v';
            case ADD_LEARNER_NODE -> 'l';
            case REMOVE_NODE -> 'r';
            case UPDATE_NODE -> 'u';
        };
        return c + Long.toString(nodeId);
    }
}
