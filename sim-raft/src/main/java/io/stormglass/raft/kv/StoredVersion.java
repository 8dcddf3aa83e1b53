package io.stormglass.raft.kv;

/**
 * One version of a key as {@link MvccHistory} stores it. The newest of a key keeps its
 * {@link KeyValue} as applied, so that reads at the current revision allocate nothing; a superseded
 * one keeps its fields and its value packed ({@link PackedValue}), about a sixth of the memory, and
 * is rebuilt when read. The value is packed when the version is recorded, while the value just
 * decoded is still in the CPU's caches, not when it is superseded, seconds later, when its kilobyte
 * has to come from memory again.
 */
final class StoredVersion {
    final long modRevision;
    private KeyValue kv;
    /** The packed value's parts (see {@link PackedValue}), held flat: a week of history has millions; null for a tombstone. */
    private final String head;
    private final char fill;
    private final int fillCount;
    private long createRevision;
    private long version;
    private long leaseId;

    StoredVersion(long modRevision, KeyValue kv) {
        this.modRevision = modRevision;
        this.kv = kv;
        PackedValue value = kv == null ? null : PackedValue.of(kv.value());
        this.head = value == null ? null : value.head();
        this.fill = value == null ? '\0' : value.fill();
        this.fillCount = value == null ? 0 : value.fillCount();
    }

    boolean tombstone() {
        return head == null;
    }

    /** Drops the applied key-value for its packed fields (the version is no longer the key's newest). */
    void pack() {
        if (kv != null) {
            createRevision = kv.createRevision();
            version = kv.version();
            leaseId = kv.leaseId();
            kv = null;
        }
    }

    /** The version as {@link #view} gives it, with its value packed: {@code PackedValue.of(view(key).kv().value())}, without building it. */
    MvccHistory.PackedVersion packedView() {
        if (head == null) {
            return new MvccHistory.PackedVersion(modRevision, null, 0, 0, 0, 0);
        }
        PackedValue value = new PackedValue(head, fill, fillCount);
        if (kv != null) {
            return new MvccHistory.PackedVersion(modRevision, value, kv.createRevision(), kv.modRevision(), kv.version(), kv.leaseId());
        }
        return new MvccHistory.PackedVersion(modRevision, value, createRevision, modRevision, version, leaseId);
    }

    MvccHistory.Version view(String key) {
        if (kv != null || head == null) {
            return new MvccHistory.Version(modRevision, kv);
        }
        String value = new PackedValue(head, fill, fillCount).unpack();
        return new MvccHistory.Version(modRevision, new KeyValue(key, value, createRevision, modRevision, version, leaseId));
    }

    long valueLength() {
        return kv != null ? kv.value().length() : head == null ? 0 : head.length() + fillCount;
    }
}
