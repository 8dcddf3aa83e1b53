package io.stormglass.raft.server;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import java.util.List;

/**
 * Sees what a member does to its durable state and state machine, for safety checkers that stand
 * outside the code they check. Calls happen on the simulation loop at the instant the member
 * does the thing; they must not change the simulation.
 */
public interface MemberObserver {
    /** The WAL fdatasync that made {@code hardState} and {@code entries} durable completed. */
    default void persisted(int member, HardState hardState, List<Entry> entries) {
    }

    /** The member applied {@code entry} to its state machine. */
    default void applied(int member, Entry entry) {
    }

    /** The member restored its state machine from a snapshot covering up to {@code index}. */
    default void restoredSnapshot(int member, long index, long term) {
    }

    /** The member's role or known leader changed. */
    default void softStateChanged(int member, long term, long leader, io.stormglass.raft.StateRole role) {
    }

    MemberObserver NONE = new MemberObserver() {
    };
}
