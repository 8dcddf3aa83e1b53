package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The revision history of every key, as etcd's MVCC keeps it ({@code server/storage/mvcc}: the
 * {@code keyIndex} of each key lists the revisions at which it was written, grouped in generations
 * that end with a tombstone; the key bucket holds one record per revision). Here each key has one
 * list of {@link Version}s in increasing mod revision, a tombstone being a version without a
 * value. Compaction at revision {@code r} keeps, for each key, the last version at or before
 * {@code r} (so that a range at {@code r} still answers) and everything after it, and drops that
 * last version too when it is a tombstone older than {@code r} (etcd's {@code keyIndex.compact}
 * keeps no empty generation; a tombstone at {@code r} itself stays, for watchers resuming at
 * {@code r}).
 *
 * <p>Versions are only ever appended (at revisions above every held one), replaced at the newest
 * revision (a transaction writing a key twice), repacked without loss, or dropped by {@link #compact}:
 * so a snapshot view reading the versions at or before its revision ({@link #forEachKeyAt}) stays exact
 * until the next compaction, which its store announces first: the view then moves to a copy
 * ({@link #frozenCopyUpTo}).
 *
 * <p>The versions written at or after the last compaction are also held in the order etcd's key
 * bucket holds them, by (main, sub) revision ({@link RevisionIndex}), so that a watcher's catch-up read
 * ({@link #forEachBetween}) costs O(log n + versions returned), not O(keys).
 *
 * <p>Not thread-safe; used by {@link KvStore} on the apply thread only.
 */
final class MvccHistory {
    /**
     * One revision of a key.
     *
     * @param modRevision the store revision that wrote it
     * @param kv          the key-value as of that revision, or null for a tombstone (a delete)
     */
    record Version(long modRevision, KeyValue kv) {
        boolean tombstone() {
            return kv == null;
        }
    }

    /**
     * A version as the history holds it, for encoding: the value still packed, so that no value string
     * is rebuilt (a snapshot of a store with 1 KiB values spent most of its time rebuilding and
     * re-packing them; issue 23). {@code value} is null for a tombstone; the other fields are then 0.
     *
     * @param modRevision      the version's revision
     * @param value            its value, packed as {@link PackedValue#of} packs it
     * @param kvModRevision    the mod revision the key-value itself carries ({@link KeyValue#modRevision})
     */
    record PackedVersion(long modRevision, PackedValue value, long createRevision, long kvModRevision, long version,
            long leaseId) {
        boolean tombstone() {
            return value == null;
        }
    }

    /** bbolt's leaf element header ({@code leafPageElement}: flags, pos, ksize, vsize), bolt page.go. */
    static final int LEAF_ELEMENT_BYTES = 16;
    /** etcd's key-bucket key: 8-byte main revision, '_', 8-byte sub revision (mvcc/revision.go); a tombstone adds 't'. */
    static final int REVISION_KEY_BYTES = 17;
    /**
     * Protobuf framing of an {@code mvccpb.KeyValue} besides its key and value bytes: field tags and
     * lengths, and the varints of create/mod revision, version and lease (api/mvccpb/kv.proto).
     */
    static final int KEY_VALUE_FRAMING_BYTES = 24;

    /**
     * One key's versions, oldest first, with the key as the map holds it: the revision index points
     * here, so it finds a version without a lookup by key and shares the key's one String.
     */
    private static final class KeyHistory extends ArrayList<StoredVersion> {
        final String key;

        KeyHistory(String key) {
            super(2);
            this.key = key;
        }
    }

    /** Each key's history, found by hash on every write and point read, iterated in key order. */
    private final HashedTree<KeyHistory> versions = new HashedTree<>();
    /** The versions at or after {@link #indexFloor} in (main, sub) revision order. */
    private final RevisionIndex<KeyHistory> byRevision = new RevisionIndex<>();
    /** The last compaction's revision (0 before any): catch-up reads start at or above it. */
    private long indexFloor;
    /** Versions looked up by {@link #forEachBetween} so far (a test hook: what a catch-up touches). */
    private long catchUpLookups;
    private long versionCount;
    private long recordBytes;

    /**
     * Records {@code kv} (or a tombstone of {@code key} when {@code kv} is null) at {@code revision}, at
     * or above every recorded one.
     *
     * @return whether it replaced the key's version at that same revision (the command changed the key
     *         before): the later change's version is held, at the later change's sub revision
     */
    boolean record(String key, long revision, KeyValue kv) {
        KeyHistory list = versions.computeIfAbsent(key, KeyHistory::new);
        StoredVersion v = new StoredVersion(revision, kv);
        boolean rewrite = !list.isEmpty() && list.get(list.size() - 1).modRevision == revision;
        if (rewrite) {
            recordBytes -= bytesOf(key, list.get(list.size() - 1));
            list.set(list.size() - 1, v); // a txn writing one key twice: its last write wins
            byRevision.moveToEnd(revision, list);
        } else {
            if (!list.isEmpty()) {
                list.get(list.size() - 1).pack();
            }
            list.add(v);
            versionCount++;
            byRevision.append(revision, list);
        }
        recordBytes += bytesOf(key, v);
        return rewrite;
    }

    /**
     * The bytes one version occupies in etcd's key bucket: leaf element header, revision key, and
     * the marshalled key-value (a tombstone's holds the key only). Key and value sizes are their
     * lengths in chars (one byte each for the ASCII keys and values workloads use).
     */
    static long bytesOf(String key, Version v) {
        return bytesOf(key, v.tombstone(), v.tombstone() ? 0 : v.kv().value().length());
    }

    private static long bytesOf(String key, StoredVersion v) {
        return bytesOf(key, v.tombstone(), v.valueLength());
    }

    private static long bytesOf(String key, boolean tombstone, long valueLength) {
        long kvBytes = key.length() + KEY_VALUE_FRAMING_BYTES + valueLength;
        return LEAF_ELEMENT_BYTES + REVISION_KEY_BYTES + (tombstone ? 1 : 0) + kvBytes;
    }

    /** Bytes of every version held (see {@link #bytesOf}), what the key bucket's leaves hold. */
    long recordBytes() {
        return recordBytes;
    }

    /** The key's value as of {@code revision}, or null when it did not exist then. */
    KeyValue at(String key, long revision) {
        return latestAtOrBefore(key, versions.get(key), revision);
    }

    /**
     * The live keys of {@code [key, rangeEnd)} as of {@code revision} (just {@code key} when
     * {@code rangeEnd} is empty), in key order, up to {@code limit} (0 = all).
     */
    List<KeyValue> range(String key, String rangeEnd, long revision, int limit) {
        List<KeyValue> out = new ArrayList<>();
        if (rangeEnd.isEmpty()) {
            KeyValue kv = at(key, revision);
            if (kv != null) {
                out.add(kv);
            }
            return out;
        }
        if (rangeEnd.compareTo(key) <= 0) {
            return out;
        }
        for (Map.Entry<String, KeyHistory> e : versions.ordered().subMap(key, true, rangeEnd, false).entrySet()) {
            KeyValue kv = latestAtOrBefore(e.getKey(), e.getValue(), revision);
            if (kv != null) {
                out.add(kv);
                if (limit > 0 && out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Drops what a range at {@code revision} or later can no longer see, and the revision index's
     * entries below it (what a catch-up read can no longer start at).
     *
     * @return the number of versions dropped
     */
    long compact(long revision) {
        long dropped = 0;
        List<String> emptied = new ArrayList<>();
        for (Map.Entry<String, KeyHistory> entry : versions.ordered().entrySet()) {
            List<StoredVersion> list = entry.getValue();
            int keep = lastAtOrBefore(list, revision);
            if (keep < 0) {
                continue;
            }
            // a tombstone before the compaction revision goes (etcd keeps no empty generation); one at it stays,
            // so that a watcher resuming at the compaction revision still sees that delete
            StoredVersion last = list.get(keep);
            int from = last.tombstone() && last.modRevision < revision ? keep + 1 : keep;
            if (from > 0) {
                for (StoredVersion v : list.subList(0, from)) {
                    recordBytes -= bytesOf(entry.getKey(), v);
                }
                list.subList(0, from).clear();
                dropped += from;
            }
            if (list.isEmpty()) {
                emptied.add(entry.getKey());
            }
        }
        emptied.forEach(versions::remove);
        versionCount -= dropped;
        byRevision.dropBelow(revision);
        indexFloor = Math.max(indexFloor, revision);
        return dropped;
    }

    /**
     * A copy of every version at or before {@code revision}, for the snapshot views of a store about to
     * compact ({@link OpenViews#detachAll}): it holds lists of its own, so the compaction's drops in place
     * leave it exact, and shares the versions themselves (only ever repacked without loss). It is never
     * written and keeps neither the revision index nor the counts ({@link #versionCount}, {@link #recordBytes}):
     * read it with {@link #forEachKeyAt} at or before {@code revision} only, as a {@link FrozenState} does.
     * Costs a reference per version, where encoding each view cost its bytes.
     */
    MvccHistory frozenCopyUpTo(long revision) {
        MvccHistory copy = new MvccHistory();
        versions.ordered().forEach((key, list) -> {
            int count = lastAtOrBefore(list, revision) + 1;
            if (count > 0) {
                copy.versions.computeIfAbsent(key, KeyHistory::new).addAll(list.subList(0, count));
            }
        });
        return copy;
    }

    /** Versions held, tombstones included (etcd's key-bucket records). */
    long versionCount() {
        return versionCount;
    }

    /**
     * A key's versions up to a revision, oldest first, rebuilt one at a time when read: the last of
     * them is the key's state at that revision (a tombstone: it did not exist then).
     */
    static final class KeyVersions {
        private final String key;
        private final List<StoredVersion> stored;
        private final int count;

        private KeyVersions(String key, List<StoredVersion> stored, int count) {
            this.key = key;
            this.stored = stored;
            this.count = count;
        }

        String key() {
            return key;
        }

        /** How many versions the key had at the revision (at least one). */
        int count() {
            return count;
        }

        /** The {@code i}-th oldest, {@code 0 <= i < count()}. */
        Version version(int i) {
            return stored.get(i).view(key);
        }

        /** The {@code i}-th oldest with its value packed (for encoding), {@code 0 <= i < count()}. */
        PackedVersion packedVersion(int i) {
            return stored.get(i).packedView();
        }

        /** Whether the newest of them is a tombstone. */
        boolean endsDeleted() {
            return stored.get(count - 1).tombstone();
        }
    }

    /**
     * Every key that had a version at or before {@code revision}, in key order, with its versions up to
     * it: the history as a snapshot taken at {@code revision} saw it, as long as no compaction ran since
     * (versions written later are skipped; compaction drops old ones in place).
     */
    void forEachKeyAt(long revision, Consumer<KeyVersions> action) {
        versions.ordered().forEach((key, list) -> {
            int count = lastAtOrBefore(list, revision) + 1;
            if (count > 0) {
                action.accept(new KeyVersions(key, list, count));
            }
        });
    }

    /**
     * The versions with mod revision in {@code [max(from, last compaction revision), to]}, in (main, sub)
     * revision order: by revision and, within one, in the order its command made the changes (what
     * watchers catching up read). Reads the revision index: O(log n + versions returned).
     */
    void forEachBetween(long from, long to, BiConsumer<String, Version> action) {
        byRevision.forEachBetween(Math.max(from, indexFloor), to, (revision, list) -> {
            catchUpLookups++;
            action.accept(list.key, list.get(lastAtOrBefore(list, revision)).view(list.key));
        });
    }

    /** Versions {@link #forEachBetween} has looked up so far (a test hook). */
    long catchUpLookups() {
        return catchUpLookups;
    }

    /** Versions in the revision index: those at or after the last compaction (a test hook). */
    int indexedVersions() {
        return byRevision.size();
    }

    /**
     * Appends {@code v} as {@code key}'s newest version (snapshot restore); versions of one key come
     * in increasing mod revision. {@link #endRestore} follows the last.
     */
    void append(String key, Version v) {
        List<StoredVersion> stored = versions.computeIfAbsent(key, KeyHistory::new);
        if (!stored.isEmpty()) {
            stored.get(stored.size() - 1).pack();
        }
        stored.add(new StoredVersion(v.modRevision(), v.kv()));
        versionCount++;
        recordBytes += bytesOf(key, v);
    }

    /**
     * Ends a restore: builds the revision index of the versions at or after {@code compactRevision},
     * the restored compaction revision. The snapshot encoding keeps each key's versions, not the order
     * within a revision, so a restored revision's changes are in key order (etcd's snapshot is its bbolt
     * file, whose key bucket keeps the sub revisions).
     */
    void endRestore(long compactRevision) {
        indexFloor = compactRevision;
        versions.ordered().forEach((key, list) -> {
            for (int i = lastAtOrBefore(list, compactRevision - 1) + 1; i < list.size(); i++) {
                byRevision.appendUnsorted(list.get(i).modRevision, list);
            }
        });
        byRevision.sortByRevision(); // stable: key order within a revision
    }

    private static KeyValue latestAtOrBefore(String key, List<StoredVersion> list, long revision) {
        if (list == null) {
            return null;
        }
        int i = lastAtOrBefore(list, revision);
        return i < 0 ? null : list.get(i).view(key).kv();
    }

    /** Index of the last version with mod revision ≤ {@code revision}, or -1 (binary search). */
    private static int lastAtOrBefore(List<StoredVersion> list, long revision) {
        int lo = 0;
        int hi = list.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).modRevision <= revision) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
