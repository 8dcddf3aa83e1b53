package io.stormglass.scenario.model;

import io.stormglass.raft.server.MvccOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The etcd cluster.
 *
 * @param raft    settings shared by every member (etcd's flags)
 * @param members the initial cluster ({@code --initial-cluster}), ids 1..n in order
 * @param spares  members that are not in the initial cluster and not started: each has its own disks
 *                and network endpoint from the start, and joins when a fault-timeline action adds it
 *                ({@code member-add}, {@code member-replace}); ids n+1.. in order
 * @param mvcc    the key-value store's history, compaction and space quota (etcd's flags)
 */
public record ClusterSpec(RaftSpec raft, List<MemberSpec> members, List<MemberSpec> spares, MvccOptions mvcc) {
    public ClusterSpec {
        members = List.copyOf(members);
        spares = List.copyOf(spares);
        Objects.requireNonNull(mvcc, "mvcc");
        List<MemberSpec> all = new ArrayList<>(members);
        all.addAll(spares);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() != i + 1) {
                throw new IllegalArgumentException("member ids must be 1.." + all.size() + " in order, spares last");
            }
        }
    }

    /** A cluster without spare members and with etcd's MVCC defaults (no auto-compaction, a 2 GiB quota, an empty database). */
    public ClusterSpec(RaftSpec raft, List<MemberSpec> members) {
        this(raft, members, List.of(), MvccOptions.defaults());
    }

    /** Members of the initial cluster. */
    public int size() {
        return members.size();
    }

    /** The initial members, then the spares: every member the run builds. */
    public List<MemberSpec> allMembers() {
        List<MemberSpec> all = new ArrayList<>(members);
        all.addAll(spares);
        return List.copyOf(all);
    }
}
