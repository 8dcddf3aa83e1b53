package io.stormglass.raft.log;

/**
 * What an entry carries (etcd-io/raft {@code raftpb.EntryType}). The WAL stores the ordinal, so new
 * kinds go at the end.
 */
public enum EntryType {
    /** An application command (or the empty no-op a new leader appends, §8). */
    NORMAL,
    /** A {@link ConfChange} (one server added, promoted or removed; thesis §4.1), encoded by {@link ConfChanges}. */
    CONF_CHANGE,
    /**
     * A {@link ConfChangeV2} (any number of changes, through joint consensus when needed; thesis §4.3),
     * encoded by {@link ConfChanges}. The empty payload is the empty change, which leaves a joint configuration.
     */
    CONF_CHANGE_V2;

    /** Whether entries of this type change the configuration when they are applied. */
    public boolean isConfChange() {
        return this != NORMAL;
    }
}
