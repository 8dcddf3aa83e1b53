package io.stormglass.raft.kv;

import java.util.Arrays;

/**
 * The versions written at or after the last compaction, in the order etcd's key bucket holds them: by
 * main revision and, within one, by sub revision, the order in which the revision's command made its
 * changes (a key-bucket key is the main revision, '_', the sub revision: server/storage/mvcc/revision.go).
 * etcd's watchable store reads a catching-up watcher's events as one range over that bucket
 * (watchable_store.go {@code syncWatchers} → {@code rangeEvents}: {@code UnsafeRange} from
 * {@code minRev} to {@code curRev + 1}), so a catch-up costs O(log n + events returned), whatever the
 * number of keys; {@link #forEachBetween} gives the same.
 *
 * <p>Each entry is a revision and the owner of the version written then (its key's history, which
 * finds the version by revision), in two flat arrays: 12 bytes an entry with compressed references
 * (an 8-byte revision, a 4-byte reference), up to twice that counting the room the arrays keep; no
 * object per entry, as a busy hour holds millions. Entries below a compaction revision go at once
 * ({@link #dropBelow}: catch-up reads never start below it, as etcd cancels a watcher that needs a
 * compacted revision), so the index holds the writes of one compaction interval, not the week.
 * The live entries sit at {@code [head, end)}: dropping advances {@code head}, and the arrays are
 * copied down when they fill up at least half empty, or shrunk when a compaction leaves them three
 * quarters empty, so capacity stays within a constant factor of the entries held.
 *
 * <p>Not thread-safe; used by {@link MvccHistory} on the apply thread only.
 *
 * @param <T> the owner of a version (what the history looks it up in)
 */
final class RevisionIndex<T> {
    /** Receives one entry. */
    interface Visitor<T> {
        void accept(long revision, T owner);
    }

    private static final int MIN_CAPACITY = 16;

    private long[] revisions = new long[MIN_CAPACITY];
    private Object[] owners = new Object[MIN_CAPACITY];
    /** The first live entry. */
    private int head;
    /** One past the last live entry. */
    private int end;

    /** Entries held. */
    int size() {
        return end - head;
    }

    /** Entries the arrays have room for. */
    int capacity() {
        return revisions.length;
    }

    /**
     * Appends the version {@code owner} got at {@code revision}, which is at or above every held one:
     * within a revision, entries keep the order of their appends (the sub revisions).
     */
    void append(long revision, T owner) {
        if (end > head && revision < revisions[end - 1]) {
            throw new IllegalArgumentException("revision " + revision + " below the newest held, " + revisions[end - 1]);
        }
        appendUnsorted(revision, owner);
    }

    /**
     * Moves {@code owner}'s entry at the newest revision, {@code revision}, to the end: the command
     * changed that key again, and the version now held is the one its later change made.
     */
    void moveToEnd(long revision, T owner) {
        int i = end - 1;
        while (i >= head && revisions[i] == revision && owners[i] != owner) {
            i--;
        }
        if (i < head || revisions[i] != revision) {
            throw new IllegalStateException("no entry at the newest revision " + revision + " for " + owner);
        }
        // the entries after it are of the same revision: only the owners shift
        System.arraycopy(owners, i + 1, owners, i, end - 1 - i);
        owners[end - 1] = owner;
    }

    /** Drops every entry below {@code revision} (a compaction there; catch-up reads start at or above it). */
    void dropBelow(long revision) {
        int cut = firstAtOrAbove(revision);
        Arrays.fill(owners, head, cut, null);
        head = cut;
        if (head == end) {
            head = 0;
            end = 0;
        }
        int live = end - head;
        if (revisions.length > MIN_CAPACITY && live < revisions.length / 4) {
            moveTo(Math.max(MIN_CAPACITY, 2 * live));
        }
    }

    /** Visits the entries with revision in {@code [from, to]}, in revision and then sub-revision order. */
    @SuppressWarnings("unchecked")
    void forEachBetween(long from, long to, Visitor<? super T> visitor) {
        for (int i = firstAtOrAbove(from); i < end && revisions[i] <= to; i++) {
            visitor.accept(revisions[i], (T) owners[i]);
        }
    }

    /** Appends in any order (a restore); {@link #sortByRevision()} must follow before any other call. */
    void appendUnsorted(long revision, T owner) {
        if (end == revisions.length) {
            moveTo(end - head <= revisions.length / 2 ? revisions.length : 2 * revisions.length);
        }
        revisions[end] = revision;
        owners[end] = owner;
        end++;
    }

    /** Sorts the entries by revision, stably: those of one revision keep the order they were appended in. */
    void sortByRevision() {
        int n = end - head;
        moveTo(revisions.length); // to [0, n)
        long[] fromRevisions = revisions;
        Object[] fromOwners = owners;
        long[] toRevisions = new long[n];
        Object[] toOwners = new Object[n];
        for (int width = 1; width < n; width *= 2) { // bottom-up merge sort
            for (int lo = 0; lo < n; lo += 2 * width) {
                merge(fromRevisions, fromOwners, toRevisions, toOwners, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n));
            }
            long[] r = fromRevisions;
            fromRevisions = toRevisions;
            toRevisions = r;
            Object[] o = fromOwners;
            fromOwners = toOwners;
            toOwners = o;
        }
        if (fromRevisions != revisions) {
            System.arraycopy(fromRevisions, 0, revisions, 0, n);
            System.arraycopy(fromOwners, 0, owners, 0, n);
        }
    }

    private static void merge(long[] fromRevisions, Object[] fromOwners, long[] toRevisions, Object[] toOwners,
            int lo, int mid, int hi) {
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || i < mid && fromRevisions[i] <= fromRevisions[j]) { // <=: the left run first, stable
                toRevisions[k] = fromRevisions[i];
                toOwners[k] = fromOwners[i++];
            } else {
                toRevisions[k] = fromRevisions[j];
                toOwners[k] = fromOwners[j++];
            }
        }
    }

    /** Moves the live entries to the start of arrays of {@code capacity} (the same arrays if that is their length). */
    private void moveTo(int capacity) {
        int live = end - head;
        if (capacity == revisions.length) {
            System.arraycopy(revisions, head, revisions, 0, live);
            System.arraycopy(owners, head, owners, 0, live);
            Arrays.fill(owners, live, end, null);
        } else {
            revisions = Arrays.copyOfRange(revisions, head, head + capacity);
            owners = Arrays.copyOfRange(owners, head, head + capacity);
        }
        head = 0;
        end = live;
    }

    /** Index of the first live entry with revision ≥ {@code revision}, or {@code end} (binary search). */
    private int firstAtOrAbove(long revision) {
        int lo = head;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (revisions[mid] < revision) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
