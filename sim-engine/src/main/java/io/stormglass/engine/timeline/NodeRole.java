package io.stormglass.engine.timeline;

/** The role a member plays at a moment, as a leader timeline shows it. */
public enum NodeRole {
    FOLLOWER,
    PRE_CANDIDATE,
    CANDIDATE,
    LEADER,
    /** Crashed or stopped. */
    DOWN
}
