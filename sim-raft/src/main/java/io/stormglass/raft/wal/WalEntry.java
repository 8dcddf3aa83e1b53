package io.stormglass.raft.wal;

import java.util.Arrays;

/**
 * One log entry as stored in the WAL.
 *
 * @param term  the term in which the entry was proposed
 * @param index its log index (1-based; strictly increasing within one save, but a later save may
 *              rewrite a suffix starting at a lower index, see {@link Wal#save})
 * @param type  the entry type of the Raft layer (opaque to the WAL)
 * @param data  the payload; the WAL neither copies nor changes it after encoding
 */
public record WalEntry(long term, long index, int type, byte[] data) implements WalRecord {
    public WalEntry {
        if (index <= 0 || term < 0) {
            throw new IllegalArgumentException("entry needs index >= 1 and term >= 0: " + term + "/" + index);
        }
        data = data == null ? new byte[0] : data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalEntry e && e.term == term && e.index == index && e.type == type
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(term) * 31 + Long.hashCode(index)) * 31 + type * 17 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WalEntry[term=" + term + ", index=" + index + ", type=" + type + ", bytes=" + data.length + "]";
    }
}
