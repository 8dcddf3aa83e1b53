package io.stormglass.raft;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.tracker.TrackerConfig;
import java.util.SortedMap;

/**
 * A snapshot of a member's state for observation (etcd-io/raft {@code Status}).
 *
 * @param progress replication state per member id, ascending; empty unless leader
 * @param config   the configuration in force at this member (the last it applied)
 */
public record Status(long id, HardState hardState, SoftState softState, long applied, long leadTransferee,
        SortedMap<Long, PeerProgress> progress, TrackerConfig config) {
}
