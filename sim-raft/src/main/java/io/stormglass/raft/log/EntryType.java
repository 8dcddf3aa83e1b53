package io.stormglass.raft.log;

/** What an entry carries. Configuration changes are reserved for membership-change work. */
public enum EntryType {
    /** An application command (or the empty no-op a new leader appends, §8). */
    NORMAL,
    /** Reserved for membership changes (learners, joint consensus); not produced by this core yet. */
    CONF_CHANGE_RESERVED
}
