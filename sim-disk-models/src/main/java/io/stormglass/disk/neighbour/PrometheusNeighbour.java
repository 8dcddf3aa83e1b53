package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.IoPump;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;

/**
 * A Prometheus server writing its TSDB to the same disk, as the kernel's page-cache writeback
 * presents it to the device.
 *
 * <ul>
 *   <li><b>WAL</b>: samples arrive at {@code series / scrapeIntervalSeconds} per second and are
 *       appended to the WAL through the page cache; the flusher writes them back every
 *       {@code writebackIntervalSeconds}, and Prometheus fsyncs each 128 MiB segment when it
 *       closes it.</li>
 *   <li><b>Head block</b>: Prometheus cuts the oldest 2 h of its head into a block once the
 *       head spans 3 h, i.e. at about one hour past each even hour (UTC, block ranges are
 *       aligned to the Unix epoch). The block holds {@code series × 7200 / scrape × bytesPerSample}
 *       bytes of chunks (in 512 MiB segment files) plus {@code series × indexBytesPerSeries} of
 *       index, written through the page cache and fsynced file by file: the device sees
 *       back-to-back writeback I/O, up to {@code writebackInFlight} outstanding, then one flush
 *       per file.</li>
 *   <li><b>Compactions</b>: after a head block, the compactor merges three adjacent 2 h blocks
 *       into a 6 h block (and three 6 h blocks into an 18 h block) once a newer block exists
 *       beyond the range, reading the sources and writing the merged block.</li>
 * </ul>
 * Each burst is an {@code ActivityMarked} span ({@code head-block}, {@code compaction-6h},
 * {@code compaction-18h}).
 */
public final class PrometheusNeighbour extends NeighbourBase {
    private static final EventKind WAL = EventKind.named("neighbour.prometheus.wal");
    private static final EventKind HEAD = EventKind.named("neighbour.prometheus.head");
    private static final long TWO_HOURS_SECONDS = 7200;
    /** Prometheus cuts chunk files ({@code chunks/000001}, ...) at 512 MiB. */
    private static final long CHUNK_SEGMENT_BYTES = 512L << 20;

    /**
     * @param series                   active series; seed 001 grew into the millions
     * @param scrapeIntervalSeconds    default 15 s
     * @param bytesPerSample           compressed chunk bytes per sample; default 1.3 (Prometheus storage docs:
     *                                 "an average of only 1–2 bytes per sample")
     * @param indexBytesPerSeries      index bytes per series in a block (symbols, series, postings); default 150
     * @param walBytesPerSample        WAL bytes per sample (varint ref and timestamp deltas plus the value,
     *                                 snappy-compressed); default 3
     * @param walSegmentMiB            WAL segment size; default 128 MiB (Prometheus's fixed segment size)
     * @param writebackIntervalSeconds kernel flusher period ({@code dirty_writeback_centisecs}); default 5 s
     * @param writebackIoKiB           size of a writeback request; default 512 KiB (virtio-blk's usual
     *                                 {@code max_sectors_kb})
     * @param writebackInFlight        writeback requests outstanding at once; default 1024 (the block layer's
     *                                 request limit over four hardware queues)
     * @param startEpochSeconds        UTC time (seconds since the Unix epoch) at simulated time zero; default 0
     * @param headBlockOffsetSeconds   extra delay of every head-block write after its nominal hour; default 0
     * @param compactionsEnabled       whether 6 h and 18 h compactions run; default true
     * @param regionOffsetBytes        where Prometheus's data lives on the device; default 256 GiB
     * @param regionBytes              size of that region; default 64 GiB
     */
    public record Options(long series, long scrapeIntervalSeconds, double bytesPerSample, long indexBytesPerSeries,
            double walBytesPerSample, long walSegmentMiB, long writebackIntervalSeconds, long writebackIoKiB,
            int writebackInFlight, long startEpochSeconds, long headBlockOffsetSeconds, boolean compactionsEnabled,
            long regionOffsetBytes, long regionBytes) implements NeighbourSpec {
        public static Options defaults(long series, long scrapeIntervalSeconds) {
            return new Options(series, scrapeIntervalSeconds, 1.3, 150, 3.0, 128, 5, 512, 1024, 0, 0, true,
                    256L << 30, 64L << 30);
        }

        /** The same workload with the simulation starting at {@code epochSeconds} UTC. */
        public Options startingAt(long epochSeconds) {
            return new Options(series, scrapeIntervalSeconds, bytesPerSample, indexBytesPerSeries, walBytesPerSample,
                    walSegmentMiB, writebackIntervalSeconds, writebackIoKiB, writebackInFlight, epochSeconds,
                    headBlockOffsetSeconds, compactionsEnabled, regionOffsetBytes, regionBytes);
        }

        /** Chunk bytes of one 2 h block. */
        public long chunkBytes() {
            return Math.round(series * (double) TWO_HOURS_SECONDS / scrapeIntervalSeconds * bytesPerSample);
        }

        /** Index bytes of one 2 h block. */
        public long indexBytes() {
            return series * indexBytesPerSeries;
        }

        /** Bytes of one 2 h block: chunks plus index. */
        public long headBlockBytes() {
            return chunkBytes() + indexBytes();
        }

        @Override
        public String kind() {
            return "prometheus";
        }
    }

    private final Options options;
    private final Scheduler scheduler;
    private final long walRegionBytes;
    private double walPendingBytes;
    private long walCursor;
    private long walSegmentFill;
    private long blockCursor;
    private long headBlocksWritten;

    public PrometheusNeighbour(String name, Options options, BlockDevice device, DiskEnv env) {
        super(name, device, env);
        this.options = options;
        this.scheduler = env.scheduler();
        this.walRegionBytes = Math.min(options.regionBytes() / 8, 4L << 30);
    }

    public long headBlocksWritten() {
        return headBlocksWritten;
    }

    @Override
    public void start() {
        scheduler.schedule(options.writebackIntervalSeconds() * 1_000_000_000L, WAL, key, this::walWriteback);
        scheduleNextHeadBlock();
    }

    /** Virtual time of the next head-block write at or after now. */
    public long nextHeadBlockNanos() {
        long nowSeconds = options.startEpochSeconds() + scheduler.nowNanos() / 1_000_000_000L;
        long phase = TWO_HOURS_SECONDS / 2 + options.headBlockOffsetSeconds();
        long next = Math.floorDiv(nowSeconds - phase, TWO_HOURS_SECONDS) * TWO_HOURS_SECONDS + phase;
        while (next * 1_000_000_000L < (options.startEpochSeconds() * 1_000_000_000L + scheduler.nowNanos())) {
            next += TWO_HOURS_SECONDS;
        }
        return (next - options.startEpochSeconds()) * 1_000_000_000L;
    }

    private void scheduleNextHeadBlock() {
        long at = nextHeadBlockNanos();
        if (at == scheduler.nowNanos() && headBlocksWritten > 0) {
            at += TWO_HOURS_SECONDS * 1_000_000_000L;
        }
        scheduler.scheduleAt(at, HEAD, key, this::writeHeadBlock);
    }

    private void walWriteback() {
        double samplesPerSecond = (double) options.series() / options.scrapeIntervalSeconds();
        walPendingBytes += samplesPerSecond * options.writebackIntervalSeconds() * options.walBytesPerSample();
        long bytes = (long) walPendingBytes;
        walPendingBytes -= bytes;
        if (bytes > 0) {
            long segmentBytes = options.walSegmentMiB() << 20;
            walSegmentFill += bytes;
            boolean segmentClosed = walSegmentFill >= segmentBytes;
            if (segmentClosed) {
                walSegmentFill -= segmentBytes;
            }
            walCursor = IoPump.start(device, plan(IoOp.WRITE, 0, walRegionBytes, segmentClosed), walCursor, bytes,
                    () -> { });
        }
        scheduler.schedule(options.writebackIntervalSeconds() * 1_000_000_000L, WAL, key, this::walWriteback);
    }

    private void writeHeadBlock() {
        headBlocksWritten++;
        long blockEndSeconds = options.startEpochSeconds() + scheduler.nowNanos() / 1_000_000_000L
                - options.headBlockOffsetSeconds() - TWO_HOURS_SECONDS / 2;
        mark("head-block", true);
        writeBlock(1, () -> {
            mark("head-block", false);
            compactIfDue(blockEndSeconds);
        });
        scheduleNextHeadBlock();
    }

    /**
     * Writes a block spanning {@code blocks} 2 h ranges as Prometheus lays it out: chunk segment
     * files of at most 512 MiB and the index. The kernel writes the dirty pages back as one
     * continuous stream (the block is far above the dirty-background threshold, so writeback
     * does not wait for the fsyncs); Prometheus then fsyncs each file in turn.
     */
    private void writeBlock(int blocks, Runnable done) {
        long chunkBytes = blocks * options.chunkBytes();
        int files = (int) ((chunkBytes + CHUNK_SEGMENT_BYTES - 1) / CHUNK_SEGMENT_BYTES) + 1;
        blockCursor = IoPump.start(device, blockPlan(IoOp.WRITE, false), blockCursor,
                chunkBytes + blocks * options.indexBytes(), () -> fsyncFiles(files, done));
    }

    private void fsyncFiles(int remaining, Runnable done) {
        if (remaining == 0) {
            done.run();
            return;
        }
        device.submit(IoRequest.flush(name), result -> fsyncFiles(remaining - 1, done));
    }

    /** Prometheus leaves the newest block out of compaction plans, so a range compacts once a block past it exists. */
    private void compactIfDue(long newestBlockEndSeconds) {
        if (!options.compactionsEnabled()) {
            return;
        }
        long rangeEnd = newestBlockEndSeconds - TWO_HOURS_SECONDS;
        boolean six = Math.floorMod(rangeEnd, 3 * TWO_HOURS_SECONDS) == 0;
        boolean eighteen = Math.floorMod(rangeEnd, 9 * TWO_HOURS_SECONDS) == 0;
        if (six) {
            compact("compaction-6h", 3, () -> {
                if (eighteen) {
                    compact("compaction-18h", 9, () -> { });
                }
            });
        }
    }

    private void compact(String label, int sourceBlocks, Runnable then) {
        long bytes = sourceBlocks * options.headBlockBytes();
        mark(label, true);
        long readFrom = Math.floorMod(blockCursor - bytes, options.regionBytes() - walRegionBytes);
        IoPump.start(device, blockPlan(IoOp.READ, false), readFrom, bytes, () -> writeBlock(sourceBlocks, () -> {
            mark(label, false);
            then.run();
        }));
    }

    private IoPump.Plan blockPlan(IoOp op, boolean flush) {
        return plan(op, walRegionBytes, options.regionBytes() - walRegionBytes, flush);
    }

    private IoPump.Plan plan(IoOp op, long regionStart, long regionBytes, boolean flush) {
        return new IoPump.Plan(name, op, options.regionOffsetBytes() + regionStart, regionBytes,
                options.writebackIoKiB() * 1024, options.writebackInFlight(), flush);
    }
}
