package io.stormglass.raft.wal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;

/**
 * A test device with random, independent latencies (so completions may overtake each other):
 * writes and reads exponential with a 200 µs mean, flushes exponential with a 2 ms mean.
 */
final class RandomLatencyDevice implements BlockDevice {
    private static final EventKind COMPLETE = EventKind.named("test.random.complete");
    private final Scheduler scheduler;
    private final SimRandom random;

    RandomLatencyDevice(Scheduler scheduler, SimRandom random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    @Override
    public String name() {
        return "random-latency";
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        long now = scheduler.nowNanos();
        double meanNanos = request.op() == IoOp.FLUSH ? 2_000_000 : 200_000;
        long latency = (long) (random.nextExponential() * meanNanos);
        scheduler.schedule(latency, COMPLETE, request.op().ordinal(),
                () -> callback.onComplete(new IoResult(IoStatus.OK, now, now + latency)));
    }
}
