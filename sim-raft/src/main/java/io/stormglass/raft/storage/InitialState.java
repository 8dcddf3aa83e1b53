package io.stormglass.raft.storage;

import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.HardState;
import java.util.Objects;

/**
 * What a member finds in stable storage when it starts: its persisted {@link HardState} and the
 * configuration of its latest snapshot (etcd's {@code ConfState}). Configuration changes in the log after
 * the snapshot are not in it: the application applies them again as it re-applies the log.
 */
public record InitialState(HardState hardState, ConfState confState) {
    public InitialState {
        Objects.requireNonNull(hardState, "hardState");
        Objects.requireNonNull(confState, "confState");
    }
}
