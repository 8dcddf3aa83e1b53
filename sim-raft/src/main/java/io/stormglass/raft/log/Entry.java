package io.stormglass.raft.log;

import java.util.Arrays;
import java.util.Objects;

/**
 * One log entry (§5.3): the term in which a leader created it, its position, and an opaque payload.
 * Equality compares payload contents. The payload array is shared, not copied: callers must not
 * mutate it after handing it over.
 */
public record Entry(long term, long index, EntryType type, byte[] data) {
    /** Fixed per-entry overhead (term, index, type, length prefix) used for size estimates, in bytes. */
    public static final int HEADER_BYTES = 24;
    private static final byte[] EMPTY = new byte[0];

    public Entry {
        Objects.requireNonNull(type, "type");
        data = data == null ? EMPTY : data;
        if (term < 0 || index < 0) {
            throw new IllegalArgumentException("term and index must be >= 0: " + term + "/" + index);
        }
    }

    /** A normal entry with a payload. */
    public static Entry normal(long term, long index, byte[] data) {
        return new Entry(term, index, EntryType.NORMAL, data);
    }

    /** Payload length in bytes; what etcd's {@code payloadSize} counts for the uncommitted-size limit. */
    public int payloadBytes() {
        return data.length;
    }

    /** Estimated encoded size in bytes; what etcd's {@code Entry.Size()} counts for per-message limits. */
    public long sizeBytes() {
        return HEADER_BYTES + (long) data.length;
    }

    /** The same entry placed at another term and index (used when a leader appends a proposal). */
    public Entry at(long newTerm, long newIndex) {
        return new Entry(newTerm, newIndex, type, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && e.term == term && e.index == index && e.type == type
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(term, index, type.ordinal(), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return term + "/" + index + (type == EntryType.NORMAL ? "" : " " + type) + " " + Bytes.show(data);
    }
}
