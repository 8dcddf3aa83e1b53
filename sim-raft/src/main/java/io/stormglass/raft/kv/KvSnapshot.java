package io.stormglass.raft.kv;

/**
 * The key-value state as of one revision, as a snapshot carries it, in one of two forms: a frozen
 * view ({@link KvStore#freeze()}, taken in constant time: a reference to the store's history and the
 * revision it reads up to) or the encoded bytes ({@link KvCodec}'s snapshot encoding). A view is
 * encoded only when its bytes are asked for ({@link #bytes()}, a snapshot sent to a peer). When its
 * store is about to compact the history it reads, the view moves to a copy of the versions it reads
 * ({@link #detach}), which no one changes. Either form restores the same state ({@link #restoreInto}),
 * the state the store had when the view was taken.
 *
 * <p>Why: etcd's local snapshot writes no key-value data (its {@code .snap} file holds the membership;
 * the key space is in the backend's database file, which the snapshot only commits), so a snapshot
 * every {@code snapshot-count} entries must not cost a copy of the whole history, which without
 * compaction grows with the run.
 *
 * <p>A holder that drops a snapshot calls {@link #release()}, after which it must not be read. Not
 * thread-safe; used on the simulation's thread only.
 */
public final class KvSnapshot {
    private FrozenState view;
    private OpenViews owner;
    private byte[] bytes;
    private boolean released;

    KvSnapshot(FrozenState view, OpenViews owner) {
        this.view = view;
        this.owner = owner;
    }

    private KvSnapshot(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A snapshot already encoded ({@link KvCodec#encodeSnapshot(KvStore)}); the array is kept, not copied,
     * and must not be changed afterwards.
     */
    public static KvSnapshot encoded(byte[] bytes) {
        return new KvSnapshot(bytes);
    }

    /**
     * The same state for another holder, encoded (this one is encoded now if it is a view): the two share
     * the bytes, and releasing either leaves the other readable.
     */
    public KvSnapshot encodedCopy() {
        return new KvSnapshot(bytes());
    }

    /** Whether the snapshot is held as bytes (a view, live or moved to a copy, is not). */
    public boolean isEncoded() {
        return bytes != null;
    }

    /** The snapshot encoding, encoded now (and kept) if this is a view. The array must not be changed. */
    public byte[] bytes() {
        readable();
        if (bytes == null) {
            if (owner != null) {
                owner.forget(this);
            }
            bytes = KvCodec.encodeSnapshot(view);
            view = null;
            owner = null;
        }
        return bytes;
    }

    /** Whether this is a view that still reads its store's live history (neither encoded nor detached). */
    public boolean readsLiveHistory() {
        return owner != null && bytes == null;
    }

    /**
     * Replaces {@code target}'s whole state with this snapshot's (which may be a view of {@code target}
     * itself). A view is encoded for the restore only, and stays a view.
     */
    public void restoreInto(KvStore target) {
        readable();
        KvCodec.restoreSnapshot(target, bytes != null ? bytes : KvCodec.encodeSnapshot(view));
    }

    /** The holder drops the snapshot: a view stops being kept exact by its store, and nothing may read it again. */
    public void release() {
        if (owner != null && bytes == null) {
            owner.forget(this);
        }
        released = true;
        view = null;
        bytes = null;
        owner = null;
    }

    /** The revision a view reads up to (a view only). */
    long revision() {
        return view.revision();
    }

    /**
     * Moves a view off its store's history, which is about to be compacted, onto {@code copy}, which holds
     * every version at or before the view's revision ({@link MvccHistory#frozenCopyUpTo}): it then reads the
     * same state and encodes to the same bytes.
     */
    void detach(MvccHistory copy) {
        view = new FrozenState(copy, view.revision(), view.compactRevision(), view.leases(), view.alarms());
        owner = null;
    }

    /** The view's store let go of the history it reads (a restore gave the store a new one): no one changes it now. */
    void leaveStore() {
        owner = null;
    }

    private void readable() {
        if (released) {
            throw new IllegalStateException("a released snapshot was read");
        }
    }
}
