package io.stormglass.raft.server.internal;

import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.server.MvccOptions;

/**
 * The size of a member's bbolt database file, by page accounting (the file's bytes are not held:
 * a multi-GB database would not fit in the simulator's memory).
 *
 * <p>The key bucket's records ({@link KvStore#historyBytes()}) fill 4 KiB leaf pages to
 * {@value #FILL_PERCENT} % (etcd's {@code UnsafeSeqPut} raises bbolt's fill percent to 0.9 for
 * the append-only key bucket, server/storage/backend/batch_tx.go); one branch page per
 * {@value #LEAVES_PER_BRANCH} leaves and the two meta pages come on top. With the pages of a database
 * preloaded before the run ({@link MvccOptions#preloadInUseBytes()}, keys the workload never touches)
 * that is the in-use size.
 * The file's size is bbolt's high-water mark ({@code tx.Size()}: the highest page id in use times
 * the page size, which is what etcd's {@code etcd_mvcc_db_total_size_in_bytes} and the space quota
 * read): it grows when the in-use pages outgrow it and never shrinks when a compaction frees
 * pages, which bbolt keeps on its freelist and reuses for later writes, so only a defragmentation
 * (which rewrites the in-use pages into a new file) brings it down. The object outlives the
 * member's incarnations, as the file outlives the process.
 */
public final class DbSpace {
    static final int PAGE_BYTES = 4096;
    static final int FILL_PERCENT = 90;
    /** bbolt branch elements are 16 bytes plus the key (etcd's 17-byte revision): ~120 per 4 KiB page. */
    static final int LEAVES_PER_BRANCH = 120;
    /** Bytes of one lease record in the lease bucket (etcd's quota estimate {@code leaseOverhead}). */
    static final int LEASE_RECORD_BYTES = 64;

    private final MvccOptions options;
    private final long preloadPages;
    private long highWaterPages;
    private long inUsePages;
    /** The snapshot index of the last database file received from a leader (-1: none waiting to be applied). */
    private long receivedIndex = -1;
    private long receivedPages;

    public DbSpace(MvccOptions options) {
        this.options = options;
        this.preloadPages = (options.preloadInUseBytes() + PAGE_BYTES - 1) / PAGE_BYTES;
        this.inUsePages = preloadPages + pagesFor(0);
        this.highWaterPages = inUsePages + options.preloadFreeBytes() / PAGE_BYTES;
    }

    /** Takes the state machine's current contents into account (after an apply or a snapshot restore). */
    void observe(KvStore kv) {
        inUsePages = preloadPages + pagesFor(kv.historyBytes() + (long) kv.leases().size() * LEASE_RECORD_BYTES);
        highWaterPages = Math.max(highWaterPages, inUsePages);
    }

    /**
     * A leader's database file arrived for the snapshot at {@code index} and was saved beside the
     * database (etcd's {@code <index>.snap.db}): when that snapshot is applied, it becomes this
     * member's database ({@link #restored}).
     */
    void received(long index, long fileBytes) {
        receivedIndex = index;
        receivedPages = (fileBytes + PAGE_BYTES - 1) / PAGE_BYTES;
    }

    /**
     * The state machine was restored from the snapshot at {@code index}: if its database file was
     * received, that file replaces this member's (etcd renames it over {@code db}, so the file is the
     * leader's size, free pages included, whatever this member's was); the in-use pages follow {@code kv}.
     */
    void restored(KvStore kv, long index) {
        observe(kv);
        if (index == receivedIndex) {
            highWaterPages = Math.max(inUsePages, receivedPages);
            receivedIndex = -1;
        }
    }

    /** The file rewritten with only the in-use pages (a completed defragmentation). */
    void defragmented() {
        highWaterPages = inUsePages;
    }

    /** {@code etcd_mvcc_db_total_size_in_bytes}: bbolt's {@code Size()}. */
    public long totalBytes() {
        return highWaterPages * PAGE_BYTES;
    }

    /** {@code etcd_mvcc_db_total_size_in_use_in_bytes}: the file less its free pages. */
    public long inUseBytes() {
        return inUsePages * PAGE_BYTES;
    }

    /** Records a defragmentation copies (for its commits every {@link MvccOptions#DEFRAG_LIMIT} records). */
    long records(KvStore kv) {
        long preloadRecordBytes = options.preloadInUseBytes() * FILL_PERCENT / 100;
        return preloadRecordBytes / options.preloadRecordBytes() + kv.versionCount() + kv.leases().size();
    }

    private static long pagesFor(long bytes) {
        long leafBytes = (long) PAGE_BYTES * FILL_PERCENT / 100;
        long leaves = (bytes + leafBytes - 1) / leafBytes;
        return 2 + leaves + (leaves + LEAVES_PER_BRANCH - 1) / LEAVES_PER_BRANCH;
    }
}
