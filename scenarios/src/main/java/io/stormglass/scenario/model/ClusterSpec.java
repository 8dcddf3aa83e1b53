package io.stormglass.scenario.model;

import java.util.List;

/**
 * The etcd cluster.
 *
 * @param raft    settings shared by every member (etcd's flags)
 * @param members one entry per member, ids 1..n in order
 */
public record ClusterSpec(RaftSpec raft, List<MemberSpec> members) {
    public ClusterSpec {
        members = List.copyOf(members);
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).id() != i + 1) {
                throw new IllegalArgumentException("member ids must be 1.." + members.size() + " in order");
            }
        }
    }

    public int size() {
        return members.size();
    }
}
