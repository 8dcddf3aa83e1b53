package io.stormglass.raft.wal;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.wal.internal.Le;
import io.stormglass.raft.wal.internal.SegmentFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.ConfStateCodec;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.zip.CRC32C;

/**
 * Snapshot files beside the WAL, after etcd's {@code snap.Snapshotter}: {@code <dir>/%016x-%016x.snap}
 * (term, index). A snapshot is written to {@code .snap.tmp}, synced, then renamed, so a visible
 * file was completely synced; loading verifies a CRC32C anyway, skips broken files and renames
 * them to {@code .broken} as etcd does.
 *
 * <p>File layout (little-endian): magic {@code "SGSN"} (4 bytes), CRC32C of everything after
 * the CRC field (4), term (8), index (8), data length (8), data.
 */
public final class Snapshotter {
    private static final int MAGIC = 0x4E534753; // "SGSN" read little-endian
    private static final int HEADER_BYTES = 32;
    private static final String SUFFIX = ".snap";

    private final Clock clock;
    private final FileSystem fs;
    private final String dir;

    /**
     * @param dir directory without a trailing slash, such as {@code "n1/member/snap"}
     */
    public Snapshotter(Clock clock, FileSystem fs, String dir) {
        this.clock = clock;
        this.fs = fs;
        this.dir = dir;
    }

    /** File name of a snapshot: {@code %016x-%016x.snap} of term and index. */
    public static String fileName(long term, long index) {
        return String.format(Locale.ROOT, "%016x-%016x%s", term, index, SUFFIX);
    }

    /**
     * Writes, syncs and renames the snapshot; {@code done} reports the sync (after which the
     * file is durable and visible). On failure the temporary file is removed.
     */
    public void save(SnapshotFile snapshot, IoCallback done) {
        long start = clock.nowNanos();
        String path = dir + "/" + fileName(snapshot.term(), snapshot.index());
        String tmp = path + ".tmp";
        DataFile file = fs.open(tmp);
        IoStatus status = file.sizeBytes() == 0 ? IoStatus.OK : file.truncate(0);
        byte[] bytes = encode(snapshot);
        if (status.isOk()) {
            status = file.append(bytes, 0, bytes.length);
        }
        if (!status.isOk()) {
            fs.delete(tmp);
            done.onComplete(new IoResult(status, start, clock.nowNanos()));
            return;
        }
        file.sync(result -> {
            if (result.isOk()) {
                fs.rename(tmp, path);
            } else {
                fs.delete(tmp);
            }
            done.onComplete(new IoResult(result.status(), start, result.completedAtNanos()));
        });
    }

    /** Whether the snapshot file of {@code term}/{@code index} exists (whatever its contents). */
    public boolean exists(long term, long index) {
        return fs.exists(dir + "/" + fileName(term, index));
    }

    /** The newest valid snapshot, if any (etcd's {@code Load}). */
    public Load loadNewest() {
        return loadNewest(marker -> true);
    }

    /**
     * The newest valid snapshot that {@code acceptable} admits, such as one whose marker the WAL
     * holds (etcd's {@code LoadNewestAvailable}). Files that fail verification are renamed to
     * {@code .broken} and reported.
     */
    public Load loadNewest(Predicate<WalSnapshotMarker> acceptable) {
        List<String> names = new ArrayList<>();
        String prefix = dir + "/";
        for (String path : fs.list(prefix)) {
            String base = path.substring(prefix.length());
            if (base.endsWith(".snap.tmp")) {
                fs.delete(path);
            } else if (base.endsWith(SUFFIX) && base.indexOf('/') < 0) {
                names.add(path);
            }
        }
        List<String> broken = new ArrayList<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            String path = names.get(i);
            Optional<SnapshotFile> snap = fs.openExisting(path).flatMap(f -> decode(SegmentFiles.readAll(f)))
                    .filter(s -> path.endsWith("/" + fileName(s.term(), s.index())));
            if (snap.isEmpty()) {
                fs.rename(path, path + ".broken");
                broken.add(path);
            } else if (acceptable.test(snap.get().marker())) {
                return new Load(snap, List.copyOf(broken));
            } else {
                RaftProbe.WAL_OLDER_SNAPSHOT_CHOSEN.hit();
            }
        }
        return new Load(Optional.empty(), List.copyOf(broken));
    }

    /**
     * Deletes all but the {@code keepNewest} newest snapshot files (etcd's {@code --max-snapshots},
     * default 5). Call it only once the WAL no longer needs the older ones.
     *
     * @return paths deleted, oldest first
     */
    public List<String> purge(int keepNewest) {
        if (keepNewest < 1) {
            throw new IllegalArgumentException("keep at least one snapshot: " + keepNewest);
        }
        List<String> snaps = new ArrayList<>();
        for (String path : fs.list(dir + "/")) {
            if (path.endsWith(SUFFIX)) {
                snaps.add(path);
            }
        }
        List<String> deleted = new ArrayList<>(snaps.subList(0, Math.max(0, snaps.size() - keepNewest)));
        deleted.forEach(fs::delete);
        return deleted;
    }

    /**
     * Result of a load.
     *
     * @param snapshot the newest valid acceptable snapshot, if any
     * @param broken   paths of files that failed verification (now renamed to {@code .broken})
     */
    public record Load(Optional<SnapshotFile> snapshot, List<String> broken) {
    }

    static byte[] encode(SnapshotFile s) {
        byte[] cs = ConfStateCodec.encode(s.confState());
        byte[] out = new byte[HEADER_BYTES + s.data().length + cs.length];
        Le.putInt(out, 0, MAGIC);
        Le.putLong(out, 8, s.term());
        Le.putLong(out, 16, s.index());
        Le.putLong(out, 24, s.data().length);
        System.arraycopy(s.data(), 0, out, HEADER_BYTES, s.data().length);
        System.arraycopy(cs, 0, out, HEADER_BYTES + s.data().length, cs.length);
        Le.putInt(out, 4, crc(out));
        return out;
    }

    /** Header, data, then the configuration (no bytes for none); empty if the file does not verify. */
    static Optional<SnapshotFile> decode(byte[] b) {
        if (b.length < HEADER_BYTES || Le.getInt(b, 0) != MAGIC || Le.getLong(b, 24) < 0
                || Le.getLong(b, 24) > b.length - HEADER_BYTES || Le.getInt(b, 4) != crc(b)) {
            return Optional.empty();
        }
        int dataLength = (int) Le.getLong(b, 24);
        byte[] data = new byte[dataLength];
        System.arraycopy(b, HEADER_BYTES, data, 0, data.length);
        ConfState confState;
        try {
            confState = ConfStateCodec.decode(b, HEADER_BYTES + dataLength);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(new SnapshotFile(Le.getLong(b, 8), Le.getLong(b, 16), confState, data));
    }

    private static int crc(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b, 8, b.length - 8);
        return (int) crc.getValue();
    }
}
