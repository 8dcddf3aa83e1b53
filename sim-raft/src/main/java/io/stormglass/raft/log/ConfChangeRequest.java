package io.stormglass.raft.log;

/**
 * A configuration change of either encoding (etcd-io/raft {@code raftpb.ConfChangeI}): the one-server
 * {@link ConfChange} of etcd's API and the general {@link ConfChangeV2}. The core works on
 * {@link #asV2()}; the entry type records which one was proposed, so that it is applied as proposed.
 */
public sealed interface ConfChangeRequest permits ConfChange, ConfChangeV2 {
    /** The same operation as a {@link ConfChangeV2}. */
    ConfChangeV2 asV2();

    /** The type of the log entry that carries this change. */
    EntryType entryType();

    /** Opaque application data carried along (etcd: the member's attributes as JSON); never null. */
    byte[] context();

    /** The log entry payload (see {@link ConfChanges}). */
    default byte[] encode() {
        return ConfChanges.encode(this);
    }
}
