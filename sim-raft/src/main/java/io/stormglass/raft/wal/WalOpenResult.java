package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import java.util.List;

/** Outcome of {@link Wal#open}: a WAL ready to append after its replayed state, or why not. */
public sealed interface WalOpenResult {
    /**
     * Recovery succeeded.
     *
     * @param wal                the WAL, positioned after the last valid record
     * @param metadata           the metadata written at creation
     * @param hardState          the last hard state saved ({@link HardState#EMPTY} if none)
     * @param entries            entries after the snapshot index, with rewritten suffixes applied,
     *                           in index order and contiguous
     * @param repairedTailBytes  bytes cut from the end of the last segment as a torn write (0 if none);
     *                           the cut is durable after the next sync
     */
    record Opened(Wal wal, WalMetadata metadata, HardState hardState, List<Entry> entries,
            long repairedTailBytes) implements WalOpenResult {
        public Opened {
            entries = List.copyOf(entries);
        }
    }

    /** Recovery failed; the member must not start. */
    record Failed(WalError error) implements WalOpenResult {
    }
}
