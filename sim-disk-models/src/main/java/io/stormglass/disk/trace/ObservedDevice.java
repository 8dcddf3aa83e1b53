package io.stormglass.disk.trace;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoRequest;

/**
 * A device that tells an {@link IoObserver} about each request and then hands it, unchanged, to
 * the device it wraps; the completion is passed on in the same event that delivers it. It
 * schedules nothing and draws no randomness, so a run's events and fingerprint are the same with
 * or without it.
 */
public final class ObservedDevice implements BlockDevice {
    private final BlockDevice inner;
    private final Clock clock;
    private final IoObserver observer;

    public ObservedDevice(BlockDevice inner, Clock clock, IoObserver observer) {
        this.inner = inner;
        this.clock = clock;
        this.observer = observer;
    }

    /** {@code device} wrapped, or {@code device} itself when {@code observer} is {@link IoObserver#NONE}. */
    public static BlockDevice wrap(BlockDevice device, Clock clock, IoObserver observer) {
        return observer == IoObserver.NONE ? device : new ObservedDevice(device, clock, observer);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void submit(IoRequest request, IoCallback callback) {
        String device = inner.name();
        observer.submitted(device, request, clock.nowNanos());
        inner.submit(request, result -> {
            observer.completed(device, request, result);
            callback.onComplete(result);
        });
    }
}
