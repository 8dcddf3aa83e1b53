package io.stormglass.engine.storage;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.random.SimRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A file system whose contents live in memory and whose timing comes from a {@link BlockDevice}.
 *
 * <p>Each file keeps a <em>current</em> image (what reads see: the page cache) and a
 * <em>durable</em> image (what survives a crash), plus the ordered list of writes and truncates
 * not yet synced. {@link DataFile#sync} sends the dirty 4 KiB pages to the device as WRITEs,
 * then a FLUSH; when the flush completes OK, everything issued before the sync call becomes
 * durable. Syncs of one file are serialized; a sync requested while another runs waits and then
 * covers everything written up to its own call (group commit).
 *
 * <p>{@link #crash(CrashMode)} models power loss: unsynced data survives according to the mode
 * (drawn from the file system's own random stream), in-flight syncs are abandoned and their
 * callbacks never run. Metadata operations (create, delete, rename) are durable at once.
 *
 * <p>Files are laid out on the device in extents of {@code extentBytes} inside this file
 * system's region {@code [regionOffsetBytes, regionOffsetBytes + regionBytes)}, so a file
 * appended sequentially is written sequentially on the device.
 */
public final class SimFileSystem implements FileSystem {
    /** Page size of the page cache; syncs write whole pages. */
    public static final int PAGE_BYTES = 4096;
    /** Sector size: the unit that a torn write keeps or loses. */
    public static final int SECTOR_BYTES = 512;

    private final SimRandom random;
    private final Volume volume;
    private final TreeMap<String, SimFile> files = new TreeMap<>();
    /** Packs the settled pages of every file of this file system (one per file system: a run is single-threaded). */
    private final PageCodec codec = new PageCodec();

    /**
     * @param clock             stamps sync requests (the simulation's scheduler)
     * @param device            where I/O time is spent
     * @param random            this file system's random stream (decides torn and corrupt sectors)
     * @param issuer            issuer name for the device's per-issuer metrics, such as {@code "n1/wal"}
     * @param regionOffsetBytes start of this file system's region on the device
     * @param regionBytes       size of the region
     * @param extentBytes       allocation unit for files (etcd preallocates 64 MiB WAL segments)
     * @param capacityBytes     total file bytes allowed before writes fail with ENOSPC
     */
    public SimFileSystem(Clock clock, BlockDevice device, SimRandom random, String issuer, long regionOffsetBytes,
            long regionBytes, long extentBytes, long capacityBytes) {
        if (extentBytes <= 0 || extentBytes % PAGE_BYTES != 0) {
            throw new IllegalArgumentException("extent size must be a positive multiple of 4 KiB: " + extentBytes);
        }
        this.random = random;
        this.volume = new Volume(clock, device, issuer, regionOffsetBytes, regionBytes, extentBytes, capacityBytes);
    }

    /** A file system with 64 MiB extents over a 1 TiB region at offset 0 and 1 TiB of capacity. */
    public SimFileSystem(Clock clock, BlockDevice device, SimRandom random, String issuer) {
        this(clock, device, random, issuer, 0, 1L << 40, 64L << 20, 1L << 40);
    }

    @Override
    public DataFile open(String path) {
        return files.computeIfAbsent(path, p -> new SimFile(p, volume, codec));
    }

    @Override
    public Optional<DataFile> openExisting(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public boolean exists(String path) {
        return files.containsKey(path);
    }

    @Override
    public List<String> list(String prefix) {
        List<String> out = new ArrayList<>();
        for (String p : files.tailMap(prefix, true).keySet()) {
            if (!p.startsWith(prefix)) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    @Override
    public boolean delete(String path) {
        SimFile f = files.remove(path);
        if (f == null) {
            return false;
        }
        f.markDeleted();
        volume.resized(-f.sizeBytes());
        return true;
    }

    @Override
    public boolean rename(String from, String to) {
        SimFile f = files.remove(from);
        if (f == null) {
            return false;
        }
        delete(to);
        f.renamedTo(to);
        files.put(to, f);
        return true;
    }

    /** Power loss: unsynced data follows {@code mode}; in-flight syncs never complete. */
    public void crash(CrashMode mode) {
        volume.crashed();
        for (SimFile f : files.values()) {
            f.crash(mode, random);
            volume.resized(f.sizeBytes());
        }
    }

    /** Bytes held by files (current images). */
    public long bytesUsed() {
        return volume.bytesUsed();
    }

    public long syncsCompleted() {
        return volume.syncsCompleted();
    }

    public String issuer() {
        return volume.issuer();
    }
}
