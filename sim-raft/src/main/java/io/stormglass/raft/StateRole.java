package io.stormglass.raft;

/** A member's role (§5.1; PreCandidate from thesis §9.6). */
public enum StateRole {
    FOLLOWER,
    PRE_CANDIDATE,
    CANDIDATE,
    LEADER
}
