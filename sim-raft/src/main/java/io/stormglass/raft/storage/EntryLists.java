package io.stormglass.raft.storage;

import io.stormglass.raft.log.Entry;
import java.util.List;

/** Size arithmetic over entry lists shared by storage and the log. */
public final class EntryLists {
    /** No size limit. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private EntryLists() {
    }

    /**
     * The longest prefix of {@code entries} whose {@link Entry#sizeBytes()} sum stays within
     * {@code maxSizeBytes}, but never fewer than one entry (a message must make progress). Returns an
     * immutable copy.
     */
    public static List<Entry> limitSize(List<Entry> entries, long maxSizeBytes) {
        if (entries.isEmpty()) {
            return List.of();
        }
        long size = entries.get(0).sizeBytes();
        int limit = 1;
        while (limit < entries.size()) {
            size += entries.get(limit).sizeBytes();
            if (size > maxSizeBytes) {
                break;
            }
            limit++;
        }
        return List.copyOf(entries.subList(0, limit));
    }

    /** Sum of payload lengths, in bytes (etcd's {@code payloadsSize}). */
    public static long payloadBytes(List<Entry> entries) {
        long s = 0;
        for (Entry e : entries) {
            s += e.payloadBytes();
        }
        return s;
    }

    /** Sum of estimated encoded sizes, in bytes. */
    public static long sizeBytes(List<Entry> entries) {
        long s = 0;
        for (Entry e : entries) {
            s += e.sizeBytes();
        }
        return s;
    }
}
