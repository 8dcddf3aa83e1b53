package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;

/**
 * Independent requests arriving as a Poisson process (an open workload: arrivals do not wait for
 * completions), at uniformly random 4 KiB-aligned offsets of a region; a fraction are writes,
 * and every {@code flushEveryWrites}-th write is followed by a flush.
 */
public final class PoissonNeighbour extends NeighbourBase {
    private static final EventKind ARRIVAL = EventKind.named("neighbour.poisson");

    /**
     * @param iosPerSecond      mean arrival rate
     * @param ioKiB             request size
     * @param writePercent      share of writes, 0–100
     * @param flushEveryWrites  a flush after every n-th write; 0 for none
     * @param regionOffsetBytes start of the region it touches
     * @param regionBytes       size of the region
     */
    public record Options(double iosPerSecond, long ioKiB, int writePercent, int flushEveryWrites,
            long regionOffsetBytes, long regionBytes) implements NeighbourSpec {
        public static Options writes(double iosPerSecond, long ioKiB) {
            return new Options(iosPerSecond, ioKiB, 100, 0, 128L << 30, 16L << 30);
        }

        @Override
        public String kind() {
            return "poisson";
        }
    }

    private final Options options;
    private final SimRandom random;
    private long writes;

    public PoissonNeighbour(String name, Options options, BlockDevice device, DiskEnv env) {
        super(name, device, env);
        this.options = options;
        this.random = env.random(name);
    }

    @Override
    public void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        long gapNanos = Math.round(random.nextExponential() / options.iosPerSecond() * 1e9);
        env.scheduler().schedule(gapNanos, ARRIVAL, key, this::arrive);
    }

    private void arrive() {
        long len = options.ioKiB() * 1024;
        long pages = Math.max(1, (options.regionBytes() - len) / 4096);
        long offset = options.regionOffsetBytes() + random.nextLong(pages) * 4096;
        boolean write = random.nextInt(100) < options.writePercent();
        device.submit(new IoRequest(name, write ? IoOp.WRITE : IoOp.READ, offset, len), result -> { });
        if (write && options.flushEveryWrites() > 0 && ++writes % options.flushEveryWrites() == 0) {
            device.submit(IoRequest.flush(name), result -> { });
        }
        scheduleNext();
    }
}
