package io.stormglass.raft;

import io.stormglass.raft.log.HardState;
import java.util.SortedMap;

/**
 * A snapshot of a member's state for observation (etcd-io/raft {@code Status}).
 *
 * @param progress per-follower progress rendered as text, ascending ids; empty unless leader
 */
public record Status(long id, HardState hardState, SoftState softState, long applied, long leadTransferee,
        SortedMap<Long, String> progress) {
}
