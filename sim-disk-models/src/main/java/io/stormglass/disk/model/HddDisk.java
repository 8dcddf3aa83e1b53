package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.MeteredDevice;
import io.stormglass.disk.internal.ServiceQueue;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A rotating disk with one actuator behind a FIFO queue. The platter turns continuously with
 * virtual time from its own spindle phase, drawn once per drive from the device's random stream
 * (drives in one box, the members of an array, are not spindle-synchronised): the angle under
 * the head at instant {@code t} is {@code ((t + phase) mod revolution) / revolution}, and byte
 * offset {@code o} lies on track {@code o / trackBytes} at angle {@code (o mod trackBytes) /
 * trackBytes}. A media access pays command overhead, a seek whose time grows with the square
 * root of the track distance, the rotational wait until the target sector comes under the head,
 * and the transfer. On the track under the head the rotational wait follows from the angles: a
 * rewrite of the sector just written (an append loop's partial page, a read-modify-write's write
 * after its read) waits almost a whole revolution, which is why one 7200 rpm disk commits at most
 * ~120 times a second without a journal. After a seek the wait is drawn uniform in [0, one
 * revolution) from the device's random stream: the settle time of a seek varies by more than the
 * platter needs to scramble its position, the assumption behind the datasheets' "average
 * latency" of half a revolution (Ruemmler and Wilkes, "An introduction to disk drive modeling",
 * IEEE Computer 27(3), 1994, section "Rotation"). Through a file system each fdatasync also
 * writes a journal commit elsewhere ({@link FsJournal}), so an append loop seeks twice per
 * iteration and its latency spreads over about two revolutions.
 *
 * <p>With the write cache on, a WRITE is acknowledged once it crosses the interface; the drive
 * destages cached writes to the media in arrival order whenever it has nothing else queued, and
 * a FLUSH destages whatever is left (a write that does not fit in the cache goes to the media
 * directly). With it off, every WRITE goes to the media and a FLUSH costs only its command
 * overhead.
 */
public final class HddDisk extends MeteredDevice {
    private static final EventKind DONE = EventKind.named("disk.hdd.done");

    /**
     * @param rpm                    spindle speed; default 7200 (8.33 ms per revolution, 4.17 ms mean rotational wait)
     * @param capacityBytes          default 2 TB
     * @param averageSeekMillis      mean seek between random tracks; default 8.5 ms (Seagate BarraCuda 7200 datasheet,
     *                               "average seek, read &lt; 8.5 ms")
     * @param trackToTrackSeekMillis adjacent-track seek; default 1.0 ms (same datasheet class)
     * @param mediaMiBps             sustained media rate, which sets the bytes per track; default 160 MiB/s
     * @param interfaceMiBps         host link rate for cached writes; default 550 MiB/s (SATA III)
     * @param commandOverheadMicros  controller time per command; default 100 µs
     * @param writeCacheEnabled      on-disk volatile write cache; default off (what etcd's guidance assumes
     *                               for honest fdatasync numbers; hdparm -W0)
     * @param writeCacheBytes        size of the write cache; default 64 MiB
     */
    public record Options(int rpm, long capacityBytes, double averageSeekMillis, double trackToTrackSeekMillis,
            long mediaMiBps, long interfaceMiBps, long commandOverheadMicros, boolean writeCacheEnabled,
            long writeCacheBytes) implements DiskSpec {
        public static Options defaults() {
            return new Options(7200, 2_000_000_000_000L, 8.5, 1.0, 160, 550, 100, false, 64L << 20);
        }

        @Override
        public String model() {
            return "hdd";
        }
    }

    /** E[sqrt|x−y|] for x, y uniform on [0, 1]: scales the seek curve so its mean is the average seek. */
    private static final double MEAN_SQRT_DISTANCE = 8.0 / 15.0;

    private final Options options;
    private final long revolutionNanos;
    /** Platter angle at virtual time 0, in nanoseconds of rotation; re-drawn by every seek. */
    private long spindlePhaseNanos;
    private final SimRandom random;
    private final long trackBytes;
    private final long tracks;
    private final double seekCoefficientNanos;
    private final ServiceQueue<ServiceQueue.Job> media;
    private final ServiceQueue<ServiceQueue.Job> hostLink;
    private final List<long[]> cachedExtents = new ArrayList<>();
    private long cachedBytes;
    private boolean destaging;
    private long headTrack;
    private long mediaAccesses;

    public HddDisk(DiskEnv env, String name, Options options) {
        super(env.scheduler(), name, env.metricsFor(name));
        this.options = options;
        this.revolutionNanos = Math.round(60e9 / options.rpm());
        this.trackBytes = Math.max(4096, Math.round(options.mediaMiBps() * 1048576.0 * revolutionNanos / 1e9));
        this.tracks = Math.max(1, options.capacityBytes() / trackBytes);
        double trackToTrack = options.trackToTrackSeekMillis() * 1e6;
        this.seekCoefficientNanos = (options.averageSeekMillis() * 1e6 - trackToTrack) / MEAN_SQRT_DISTANCE;
        this.media = ServiceQueue.ofJobs(env.scheduler(), DONE, Hashing.fnv1a64(name), 1);
        this.random = env.random(name);
        this.spindlePhaseNanos = random.nextLong(revolutionNanos);
        this.hostLink = ServiceQueue.ofJobs(env.scheduler(), DONE, Hashing.fnv1a64(name) + 1, 1);
    }

    public static BlockDevice create(DiskEnv env, String name, Options options) {
        return new HddDisk(env, name, options);
    }

    public long revolutionNanos() {
        return revolutionNanos;
    }

    /** Media accesses performed (seek + rotation + transfer), cached writes excluded. */
    public long mediaAccesses() {
        return mediaAccesses;
    }

    @Override
    protected void serve(Io io) {
        IoRequest request = io.request();
        Runnable finished = () -> {
            io.complete(IoStatus.OK);
            destageIfIdle();
        };
        if (request.op() == IoOp.WRITE && options.writeCacheEnabled()) {
            // the host link accepts writes into the cache while the head is busy elsewhere
            long overhead = options.commandOverheadMicros() * 1000;
            hostLink.add(ServiceQueue.job(now -> overhead + Math.round(request.lengthBytes() * 1e9
                    / (options.interfaceMiBps() * 1048576.0)), () -> {
                        if (cachedBytes + request.lengthBytes() <= options.writeCacheBytes()) {
                            cachedExtents.add(new long[] {request.offsetBytes(), request.lengthBytes()});
                            cachedBytes += request.lengthBytes();
                            finished.run();
                        } else {
                            media.add(ServiceQueue.job(
                                    now -> mediaAccess(now, request.offsetBytes(), request.lengthBytes()), finished));
                        }
                    }));
            return;
        }
        media.add(ServiceQueue.job(now -> serviceNanos(request, now), finished));
    }

    /** Writes one cached extent to the media when no request waits; chains until the cache is clean. */
    private void destageIfIdle() {
        if (destaging || cachedExtents.isEmpty() || media.waiting() > 0 || media.inService() > 0) {
            return;
        }
        destaging = true;
        media.add(ServiceQueue.job(now -> {
            if (cachedExtents.isEmpty()) {
                return 0; // a flush got there first
            }
            long[] extent = cachedExtents.remove(0);
            cachedBytes -= extent[1];
            return mediaAccess(now, extent[0], extent[1]);
        }, () -> {
            destaging = false;
            destageIfIdle();
        }));
    }

    private long serviceNanos(IoRequest r, long now) {
        long overhead = options.commandOverheadMicros() * 1000;
        return switch (r.op()) {
            case READ, WRITE -> overhead + mediaAccess(now + overhead, r.offsetBytes(), r.lengthBytes());
            case FLUSH -> {
                long t = now + overhead;
                for (long[] extent : cachedExtents) {
                    t += mediaAccess(t, extent[0], extent[1]);
                }
                cachedExtents.clear();
                cachedBytes = 0;
                yield t - now;
            }
        };
    }

    /** Seek, rotational wait and transfer for an access starting at {@code startNanos}; moves the head. */
    private long mediaAccess(long startNanos, long offsetBytes, long lengthBytes) {
        mediaAccesses++;
        long track = Math.min(tracks - 1, offsetBytes / trackBytes);
        long seek = seekNanos(Math.abs(track - headTrack));
        long arrive = startNanos + seek;
        long targetAngle = (offsetBytes % trackBytes) * revolutionNanos / trackBytes;
        long wait;
        if (track == headTrack) {
            wait = Math.floorMod(targetAngle - (arrive + spindlePhaseNanos), revolutionNanos);
        } else {
            // the seek's settle time scrambles the phase: draw the wait, then keep the platter consistent with it
            wait = random.nextLong(revolutionNanos);
            spindlePhaseNanos = Math.floorMod(targetAngle - (arrive + wait), revolutionNanos);
        }
        long transfer = lengthBytes * revolutionNanos / trackBytes;
        headTrack = Math.min(tracks - 1, (offsetBytes + lengthBytes) / trackBytes);
        return seek + wait + transfer;
    }

    /** Seek curve: 0 on the same track, else trackToTrack + k·sqrt(distance / tracks). */
    long seekNanos(long distanceTracks) {
        if (distanceTracks == 0) {
            return 0;
        }
        return Math.round(options.trackToTrackSeekMillis() * 1e6
                + seekCoefficientNanos * Math.sqrt((double) distanceTracks / tracks));
    }
}
