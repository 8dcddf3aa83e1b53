package io.stormglass.raft.storage;

import io.stormglass.raft.log.HardState;
import java.util.List;

/**
 * What a member finds in stable storage when it starts: its persisted {@link HardState} and the voter
 * set (etcd's {@code ConfState}), ascending.
 */
public record InitialState(HardState hardState, List<Long> voters) {
    public InitialState {
        voters = List.copyOf(voters);
    }
}
