package io.stormglass.scenario.model;

import io.stormglass.raft.server.MvccOptions;
import java.util.List;

/**
 * The etcd cluster.
 *
 * @param raft    settings shared by every member (etcd's flags)
 * @param members one entry per member, ids 1..n in order
 */
public record ClusterSpec(RaftSpec raft, List<MemberSpec> members, MvccOptions mvcc) {
    /** A cluster with etcd's MVCC defaults (no auto-compaction, a 2 GiB quota, an empty database). */
    public ClusterSpec(RaftSpec raft, List<MemberSpec> members) {
        this(raft, members, MvccOptions.defaults());
    }

    public ClusterSpec {
        members = List.copyOf(members);
        java.util.Objects.requireNonNull(mvcc, "mvcc");
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
