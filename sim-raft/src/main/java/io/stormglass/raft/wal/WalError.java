package io.stormglass.raft.wal;

/** Why a WAL could not be created or recovered. All are fatal for the member, as in etcd. */
public sealed interface WalError {
    /** Human-readable description naming the file and offset where there is one. */
    String message();

    /**
     * Bytes that must have been synced are damaged, or the records contradict each other: never
     * skipped, never repaired.
     *
     * @param segment     path of the segment file
     * @param offsetBytes byte offset of the bad record within that file
     * @param reason      what is wrong
     */
    record Corruption(String segment, long offsetBytes, String reason) implements WalError {
        @Override
        public String message() {
            return "wal: corrupt record in " + segment + " at offset " + offsetBytes + ": " + reason;
        }
    }

    /** No segment in the directory (etcd's {@code ErrFileNotFound}). */
    record NotFound(String dir, String reason) implements WalError {
        @Override
        public String message() {
            return "wal: no usable segment in " + dir + ": " + reason;
        }
    }

    /** {@link Wal#create} found an existing WAL in the directory. */
    record AlreadyExists(String dir) implements WalError {
        @Override
        public String message() {
            return "wal: a WAL already exists in " + dir;
        }
    }

    /** The snapshot recovery starts from has no marker in the WAL (etcd's {@code ErrSnapshotNotFound}). */
    record SnapshotNotFound(WalSnapshotMarker snapshot) implements WalError {
        @Override
        public String message() {
            return "wal: snapshot " + snapshot.index() + "/" + snapshot.term() + " not found in the WAL";
        }
    }

    /** The marker at the snapshot's index has another term (etcd's {@code ErrSnapshotMismatch}). */
    record SnapshotMismatch(WalSnapshotMarker snapshot, long walTerm) implements WalError {
        @Override
        public String message() {
            return "wal: snapshot at index " + snapshot.index() + " has term " + snapshot.term()
                    + " but the WAL marker has term " + walTerm;
        }
    }

    /** Thrown form for callers that treat the error as a crash of the member. */
    default WalException toException() {
        return new WalException(this);
    }
}
