package io.stormglass.disk.fault;

import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Content faults over a pristine file system (after FoundationDB's {@code AsyncFileNonDurable}):
 * the file system underneath always receives the correct data; what readers see is the pristine
 * contents with an overlay of faulty bytes on top. Switching the overlay off ({@link #setEnabled})
 * or clearing it restores the true contents, so a test can tell what a fault changed.
 *
 * <ul>
 *   <li><b>misdirected write</b> ({@link #misdirectNextWrite}): the next write to a file lands
 *       {@code shiftBytes} away: its intended range keeps reading the old bytes and the bytes at
 *       the shifted range read as the new data;</li>
 *   <li><b>latent bit rot</b> ({@link #rot}): a bit flips silently on the media and is found when
 *       read.</li>
 * </ul>
 * A later, correctly placed write over overlaid bytes replaces them (the sector is rewritten).
 * Overlaid bytes are media state: a crash does not clear them.
 */
public final class OverlayFileSystem implements FileSystem {
    private final FileSystem pristine;
    private final Map<String, TreeMap<Long, Byte>> overlays = new TreeMap<>();
    private final Map<String, Long> misdirects = new TreeMap<>();
    private boolean enabled = true;
    private long faultyReads;

    public OverlayFileSystem(FileSystem pristine) {
        this.pristine = pristine;
    }

    /** Makes the next write to {@code path} land {@code shiftBytes} from where it was aimed. */
    public void misdirectNextWrite(String path, long shiftBytes) {
        misdirects.put(path, shiftBytes);
    }

    /** Flips bit {@code bit} (0–7) of the byte at {@code offsetBytes} of {@code path}, as the media now holds it. */
    public void rot(String path, long offsetBytes, int bit) {
        DataFile f = pristine.openExisting(path).orElseThrow(() -> new IllegalArgumentException("no file " + path));
        byte[] b = new byte[1];
        readThrough(path, f, offsetBytes, b);
        overlay(path).put(offsetBytes, (byte) (b[0] ^ (1 << bit)));
    }

    /** Whether readers see the overlay (true) or the pristine contents. */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Forgets every injected content fault. */
    public void clear() {
        overlays.clear();
        misdirects.clear();
    }

    /** Reads that returned at least one faulty byte. */
    public long faultyReads() {
        return faultyReads;
    }

    @Override
    public DataFile open(String path) {
        return new OverlayFile(pristine.open(path));
    }

    @Override
    public Optional<DataFile> openExisting(String path) {
        return pristine.openExisting(path).map(OverlayFile::new);
    }

    @Override
    public boolean exists(String path) {
        return pristine.exists(path);
    }

    @Override
    public List<String> list(String prefix) {
        return pristine.list(prefix);
    }

    @Override
    public boolean delete(String path) {
        overlays.remove(path);
        return pristine.delete(path);
    }

    @Override
    public boolean rename(String from, String to) {
        TreeMap<Long, Byte> moved = overlays.remove(from);
        overlays.remove(to);
        if (moved != null) {
            overlays.put(to, moved);
        }
        return pristine.rename(from, to);
    }

    private TreeMap<Long, Byte> overlay(String path) {
        return overlays.computeIfAbsent(path, p -> new TreeMap<>());
    }

    private void readThrough(String path, DataFile f, long offset, byte[] target) {
        f.read(offset, target, 0, target.length);
        TreeMap<Long, Byte> o = overlays.get(path);
        if (o != null) {
            o.subMap(offset, offset + target.length).forEach((at, value) -> target[(int) (at - offset)] = value);
        }
    }

    private final class OverlayFile implements DataFile {
        private final DataFile file;

        OverlayFile(DataFile file) {
            this.file = file;
        }

        @Override
        public String path() {
            return file.path();
        }

        @Override
        public long sizeBytes() {
            return file.sizeBytes();
        }

        @Override
        public IoStatus write(long offsetBytes, byte[] source, int sourceOffset, int length) {
            Long shift = misdirects.remove(path());
            if (shift == null) {
                TreeMap<Long, Byte> o = overlays.get(path());
                if (o != null) {
                    o.subMap(offsetBytes, offsetBytes + length).clear();
                }
                return file.write(offsetBytes, source, sourceOffset, length);
            }
            long oldEnd = Math.min(file.sizeBytes(), offsetBytes + length);
            byte[] old = new byte[(int) Math.max(0, oldEnd - offsetBytes)];
            readThrough(path(), file, offsetBytes, old);
            IoStatus status = file.write(offsetBytes, source, sourceOffset, length);
            if (!status.isOk()) {
                return status;
            }
            TreeMap<Long, Byte> o = overlay(path());
            for (int i = 0; i < length; i++) {
                // the intended range keeps its old bytes (zeros where the file grew)
                o.put(offsetBytes + i, i < old.length ? old[i] : 0);
            }
            for (int i = 0; i < length; i++) {
                long target = offsetBytes + shift + i;
                if (target >= 0 && target < file.sizeBytes()) {
                    o.put(target, source[sourceOffset + i]);
                }
            }
            return status;
        }

        @Override
        public IoStatus read(long offsetBytes, byte[] target, int targetOffset, int length) {
            IoStatus status = file.read(offsetBytes, target, targetOffset, length);
            TreeMap<Long, Byte> o = overlays.get(path());
            if (enabled && o != null && status.isOk()) {
                Map<Long, Byte> hits = o.subMap(offsetBytes, offsetBytes + length);
                boolean changed = false;
                for (Map.Entry<Long, Byte> e : hits.entrySet()) {
                    int at = targetOffset + (int) (e.getKey() - offsetBytes);
                    changed |= target[at] != e.getValue();
                    target[at] = e.getValue();
                }
                if (changed) {
                    faultyReads++;
                }
            }
            return status;
        }

        @Override
        public void readFromDevice(long offsetBytes, long lengthBytes, IoCallback callback) {
            file.readFromDevice(offsetBytes, lengthBytes, callback);
        }

        @Override
        public IoStatus truncate(long sizeBytes) {
            TreeMap<Long, Byte> o = overlays.get(path());
            if (o != null) {
                o.tailMap(sizeBytes, true).clear();
            }
            return file.truncate(sizeBytes);
        }

        @Override
        public void sync(IoCallback callback) {
            file.sync(callback);
        }
    }
}
