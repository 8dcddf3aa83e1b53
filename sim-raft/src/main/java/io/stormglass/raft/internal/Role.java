package io.stormglass.raft.internal;

import io.stormglass.raft.message.Message;

/**
 * Role-specific message handling (§5.1 Figure 2 "Rules for Servers"), called by {@link RaftCore}
 * after the term checks common to every role.
 */
sealed interface Role permits FollowerRole, CandidateRole, LeaderRole {
    void step(RaftCore r, Message m);
}
