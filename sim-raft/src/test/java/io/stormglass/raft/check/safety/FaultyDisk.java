package io.stormglass.raft.check.safety;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A test device with one FIFO queue: each request waits for the previous one, then takes
 * {@code writeNanos} (reads and writes) or {@code flushNanos} (a cache flush), times the largest
 * slow-down factor in force; while a stall is in force nothing completes (a device that stops answering,
 * as in the seed incidents).
 */
final class FaultyDisk implements BlockDevice {
    private static final EventKind DONE = EventKind.named("test.disk.done");
    private final Scheduler scheduler;
    private final String name;
    private final long writeNanos;
    private final long flushNanos;
    private final List<Integer> slowFactors = new ArrayList<>();
    private long stalledUntilNanos;
    private long busyUntilNanos;

    FaultyDisk(Scheduler scheduler, String name, long writeNanos, long flushNanos) {
        this.scheduler = scheduler;
        this.name = name;
        this.writeNanos = writeNanos;
        this.flushNanos = flushNanos;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        long now = scheduler.nowNanos();
        long service = request.op() == IoOp.FLUSH ? flushNanos : writeNanos;
        int factor = 1;
        for (int f : slowFactors) {
            factor = Math.max(factor, f); // overlapping slow-downs do not compound into a dead disk (that is a stall)
        }
        service *= factor;
        long start = Math.max(now, busyUntilNanos);
        long done = Math.max(start + service, stalledUntilNanos);
        busyUntilNanos = done;
        scheduler.scheduleAt(done, DONE, 0, () -> callback.onComplete(new IoResult(IoStatus.OK, now, scheduler.nowNanos())));
    }

    /** Nothing completes before {@code untilNanos}. */
    void stallUntil(long untilNanos) {
        stalledUntilNanos = Math.max(stalledUntilNanos, untilNanos);
    }

    void addSlowFactor(int factor) {
        slowFactors.add(factor);
    }

    void removeSlowFactor(int factor) {
        slowFactors.remove(Integer.valueOf(factor));
    }

    void heal() {
        slowFactors.clear();
        stalledUntilNanos = Math.min(stalledUntilNanos, scheduler.nowNanos());
    }
}
