package io.stormglass.disk.fault;

import io.stormglass.disk.DiskEnv;
import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A decorator that injects {@link DeviceFault}s into any device, switched on and off directly or
 * on a schedule of virtual time. The device underneath keeps its own timing; this layer only
 * holds, stretches or fails requests, so switching a fault off restores the original behaviour.
 * Every switch is a {@code FaultChanged} event on the timeline with target {@code disk/<name>}.
 */
public final class FaultyDevice implements BlockDevice {
    private static final EventKind SWITCH = EventKind.named("disk.fault.switch");
    private static final EventKind DELIVER = EventKind.named("disk.fault.deliver");

    private final BlockDevice inner;
    private final DiskEnv env;
    private final Scheduler scheduler;
    private final long key;
    private final List<DeviceFault> active = new ArrayList<>();
    private final List<Runnable> heldDuringStall = new ArrayList<>();
    /** Bumped by {@link #healAll()}: a switch scheduled under an older epoch does nothing. */
    private long epoch;

    public FaultyDevice(BlockDevice inner, DiskEnv env) {
        this.inner = inner;
        this.env = env;
        this.scheduler = env.scheduler();
        this.key = Hashing.fnv1a64(inner.name());
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** Switches {@code fault} on now. */
    public void activate(DeviceFault fault) {
        active.add(fault);
        timeline(fault, true);
    }

    /** Switches one instance of {@code fault} off now; held requests go on when no stall remains. */
    public void deactivate(DeviceFault fault) {
        if (!active.remove(fault)) {
            return;
        }
        timeline(fault, false);
        if (!stalled()) {
            List<Runnable> held = new ArrayList<>(heldDuringStall);
            heldDuringStall.clear();
            held.forEach(Runnable::run);
        }
    }

    /** Switches {@code fault} on at {@code atNanos} and off {@code durationNanos} later. */
    public void schedule(long atNanos, long durationNanos, DeviceFault fault) {
        long scheduledEpoch = epoch;
        scheduler.scheduleAt(atNanos, SWITCH, key, () -> {
            if (epoch != scheduledEpoch) {
                return;
            }
            activate(fault);
            scheduler.schedule(durationNanos, SWITCH, key, () -> {
                if (epoch == scheduledEpoch) {
                    deactivate(fault);
                }
            });
        });
    }

    /**
     * Ends every fault now and drops every switch still scheduled: the device works normally from
     * here on, and requests held by a stall go on.
     */
    public void healAll() {
        epoch++;
        for (DeviceFault f : new ArrayList<>(active)) {
            deactivate(f);
        }
    }

    public boolean isActive(DeviceFault fault) {
        return active.contains(fault);
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        long submittedAt = scheduler.nowNanos();
        if (request.op() == IoOp.WRITE && has(DeviceFault.NoSpace.class)) {
            scheduler.schedule(0, DELIVER, key, () -> callback.onComplete(
                    new IoResult(IoStatus.ENOSPC, submittedAt, scheduler.nowNanos())));
            return;
        }
        Forwarded forward = new Forwarded(request, callback, submittedAt);
        if (stalled()) {
            heldDuringStall.add(forward);
        } else {
            forward.run();
        }
    }

    /**
     * One request through this layer: held while a stall lasts, served by the inner device, then
     * delivered (stretched by a slow-down, held again if a stall began meanwhile). One object is
     * the held task, the inner device's callback and the delayed delivery (issue 23: every I/O of
     * the incident passes here).
     */
    private final class Forwarded implements Runnable, IoCallback, EventAction {
        private final IoRequest request;
        private final IoCallback callback;
        /** When the request reached this device (the latency the caller sees starts here). */
        private final long submittedAt;
        /**
         * When it went on to the inner device (after any stall): a slow-down stretches the inner
         * device's time only, not the time spent held by a stall.
         */
        private long serviceStart = -1;
        /** The status to deliver, once the inner device answered. */
        private IoStatus status;

        Forwarded(IoRequest request, IoCallback callback, long submittedAt) {
            this.request = request;
            this.callback = callback;
            this.submittedAt = submittedAt;
        }

        /** Held before service: goes on to the inner device. Held after it: delivers now. */
        @Override
        public void run() {
            if (status == null) {
                serviceStart = scheduler.nowNanos();
                inner.submit(request, this);
            } else {
                callback.onComplete(status, submittedAt, scheduler.nowNanos());
            }
        }

        @Override
        public void onComplete(IoResult result) {
            onComplete(result.status(), result.submittedAtNanos(), result.completedAtNanos());
        }

        /** The inner device answered: apply the faults active now. */
        @Override
        public void onComplete(IoStatus innerStatus, long innerSubmittedAtNanos, long innerCompletedAtNanos) {
            // overlapping slow-downs do not compound: the slowest one decides, as a degraded disk has one speed
            double factor = 1;
            for (int i = 0; i < active.size(); i++) { // indexed: no iterator per I/O, nearly always over none (issue 23)
                if (active.get(i) instanceof DeviceFault.Slow slow) {
                    factor = Math.max(factor, slow.factor());
                }
            }
            status = request.op() == IoOp.FLUSH && has(DeviceFault.FlushError.class) && innerStatus.isOk()
                    ? IoStatus.EIO : innerStatus;
            long extraNanos = Math.round((factor - 1) * (scheduler.nowNanos() - serviceStart));
            if (extraNanos > 0) {
                scheduler.schedule(extraNanos, DELIVER, key, this);
            } else {
                fire();
            }
        }

        /** Delivers, or holds the delivery while a stall lasts. */
        @Override
        public void fire() {
            if (stalled()) {
                heldDuringStall.add(this);
            } else {
                callback.onComplete(status, submittedAt, scheduler.nowNanos());
            }
        }
    }

    private boolean stalled() {
        return has(DeviceFault.Stall.class);
    }

    private boolean has(Class<? extends DeviceFault> type) {
        for (int i = 0; i < active.size(); i++) { // indexed, as in onComplete: asked per I/O
            if (type.isInstance(active.get(i))) {
                return true;
            }
        }
        return false;
    }

    private void timeline(DeviceFault fault, boolean on) {
        env.recorder().timeline().append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), "disk/" + name(),
                fault.describe(), on));
    }
}
