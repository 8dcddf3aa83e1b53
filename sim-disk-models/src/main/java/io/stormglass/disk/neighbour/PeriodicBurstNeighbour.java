package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.IoPump;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;

/**
 * A job that moves {@code burstMiB} of sequential I/O every {@code periodSeconds} (a backup, a
 * log rotation, a batch export): each burst is an {@code ActivityMarked} span labelled
 * {@code burst}. A burst starts on schedule even if the previous one is still running.
 */
public final class PeriodicBurstNeighbour extends NeighbourBase {
    private static final EventKind BURST = EventKind.named("neighbour.burst");

    /**
     * @param periodSeconds     time between burst starts
     * @param phaseSeconds      time of the first burst
     * @param burstMiB          data moved per burst
     * @param ioKiB             request size; default 512 KiB
     * @param maxInFlight       requests outstanding; default 32
     * @param write             writes (true) or reads
     * @param flushAtEnd        ends each burst with a flush (an fsync)
     * @param regionOffsetBytes start of the region it touches
     * @param regionBytes       size of the region
     */
    public record Options(long periodSeconds, long phaseSeconds, long burstMiB, long ioKiB, int maxInFlight,
            boolean write, boolean flushAtEnd, long regionOffsetBytes, long regionBytes) implements NeighbourSpec {
        public static Options writes(long periodSeconds, long burstMiB) {
            return new Options(periodSeconds, periodSeconds, burstMiB, 512, 32, true, true, 128L << 30, 16L << 30);
        }

        @Override
        public String kind() {
            return "periodic-burst";
        }
    }

    private final Options options;
    private long cursor;

    public PeriodicBurstNeighbour(String name, Options options, BlockDevice device, DiskEnv env) {
        super(name, device, env);
        this.options = options;
    }

    @Override
    public void start() {
        env.scheduler().schedule(options.phaseSeconds() * 1_000_000_000L, BURST, key, this::burst);
    }

    private void burst() {
        mark("burst", true);
        IoPump.Plan plan = new IoPump.Plan(name, options.write() ? IoOp.WRITE : IoOp.READ,
                options.regionOffsetBytes(), options.regionBytes(), options.ioKiB() * 1024, options.maxInFlight(),
                options.flushAtEnd());
        cursor = IoPump.start(device, plan, cursor, options.burstMiB() << 20,
                () -> mark("burst", false));
        env.scheduler().schedule(options.periodSeconds() * 1_000_000_000L, BURST, key, this::burst);
    }
}
