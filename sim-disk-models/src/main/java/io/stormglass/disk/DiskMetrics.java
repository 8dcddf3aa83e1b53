package io.stormglass.disk;

import io.stormglass.engine.event.Clock;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.storage.IoRequest;
import java.util.Arrays;
import java.util.Locale;

/**
 * What one device reports to the run's {@link Recorder}, under the shared metric names:
 * {@code disk_io_duration_seconds{device,issuer,op}} (latency from submit to completion, in
 * nanoseconds), {@code disk_ios_total} and {@code disk_bytes_total} (counted at completion),
 * {@code disk_busy_nanos_total{device,issuer}}, {@code disk_throttle_wait_seconds{device,issuer}},
 * and the gauges {@code disk_queue_depth{device}} (requests submitted and not completed) and
 * {@code disk_utilisation_ratio{device}}.
 *
 * <p>Busy time follows iostat's {@code %util}: the device is busy while at least one request is
 * outstanding. Each busy interval is attributed to the issuers with requests outstanding in
 * proportion to how many each has, so the per-issuer busy counters sum to the device's busy time
 * (up to rounding).
 */
public final class DiskMetrics {
    private final Recorder recorder;
    private final Clock clock;
    private final String device;
    /**
     * Per issuer, in order of first use: metric handles, resolved once. A device has a handful of
     * issuers, and this is searched once per I/O (the handles ride with the request to its
     * completion): a scan comparing references first beats a map lookup.
     */
    private IssuerHandles[] issuers = new IssuerHandles[4];
    /** Requests outstanding per issuer, by the issuer's index. */
    private int[] outstandingOf = new int[4];
    private int issuerCount;
    /**
     * Indices of the issuers with requests outstanding, in increasing order: an OSD serves a dozen
     * issuers, one or two at a time, and busy time is shared out on every I/O.
     */
    private int[] active = new int[4];
    private int activeCount;
    private int outstanding;
    private long lastChangeNanos;
    private long busyNanos;
    private long sampledBusyNanos;
    private long sampledAtNanos;

    public DiskMetrics(Recorder recorder, Clock clock, String device) {
        this.recorder = recorder;
        this.clock = clock;
        this.device = device;
        recorder.gauge(Metric.DISK_QUEUE_DEPTH.id(device), () -> outstanding);
        recorder.gauge(Metric.DISK_UTILISATION.id(device), this::sampleUtilisation);
    }

    public String device() {
        return device;
    }

    /**
     * A request entered the device; returns its issuer's handles, to give back to
     * {@link #completed} (so a completion need not look its issuer up again).
     */
    public IssuerHandles submitted(IoRequest request) {
        settle();
        outstanding++;
        IssuerHandles h = handles(request.issuer());
        if (outstandingOf[h.index]++ == 0) {
            activate(h.index);
        }
        return h;
    }

    /** A request of {@code issuer} (as {@link #submitted} returned it) left the device after {@code latencyNanos}. */
    public void completed(IssuerHandles h, IoRequest request, long latencyNanos) {
        settle();
        outstanding--;
        if (--outstandingOf[h.index] == 0) {
            deactivate(h.index);
        }
        int op = request.op().ordinal();
        if (h.latency[op] == null) {
            String opName = request.op().name().toLowerCase(Locale.ROOT);
            h.latency[op] = recorder.latency(Metric.DISK_IO_DURATION.id(device, h.issuer, opName));
            h.ios[op] = recorder.counter(Metric.DISK_IOS.id(device, h.issuer, opName));
            h.bytes[op] = recorder.counter(Metric.DISK_BYTES.id(device, h.issuer, opName));
        }
        h.latency[op].record(latencyNanos);
        h.ios[op].increment();
        h.bytes[op].add(request.lengthBytes());
    }

    private IssuerHandles handles(String issuer) {
        for (int i = 0; i < issuerCount; i++) {
            IssuerHandles h = issuers[i];
            if (h.issuer == issuer || h.issuer.equals(issuer)) {
                return h;
            }
        }
        if (issuerCount == issuers.length) {
            issuers = Arrays.copyOf(issuers, issuerCount * 2);
            outstandingOf = Arrays.copyOf(outstandingOf, issuerCount * 2);
            active = Arrays.copyOf(active, issuerCount * 2);
        }
        IssuerHandles h = new IssuerHandles(issuer, issuerCount);
        issuers[issuerCount++] = h;
        return h;
    }

    private void activate(int index) {
        int at = activeCount++;
        while (at > 0 && active[at - 1] > index) {
            active[at] = active[at - 1];
            at--;
        }
        active[at] = index;
    }

    private void deactivate(int index) {
        int at = 0;
        while (active[at] != index) {
            at++;
        }
        System.arraycopy(active, at + 1, active, at, --activeCount - at);
    }

    /** One issuer's metric handles, by {@link io.stormglass.engine.storage.IoOp} ordinal. */
    public static final class IssuerHandles {
        final String issuer;
        /** Position in the device's issuers, in order of first use. */
        final int index;
        final LatencyRecorder[] latency = new LatencyRecorder[3];
        final Counter[] ios = new Counter[3];
        final Counter[] bytes = new Counter[3];
        Counter busy;
        LatencyRecorder throttle;

        private IssuerHandles(String issuer, int index) {
            this.issuer = issuer;
            this.index = index;
        }
    }

    /** Time a request of {@code issuer} spent waiting in a throttle queue. */
    public void throttleWaited(String issuer, long waitNanos) {
        IssuerHandles h = handles(issuer);
        if (h.throttle == null) {
            h.throttle = recorder.latency(Metric.DISK_THROTTLE_WAIT.id(device, issuer));
        }
        h.throttle.record(waitNanos);
    }

    /** Requests submitted and not yet completed. */
    public int queueDepth() {
        return outstanding;
    }

    /** Nanoseconds with at least one request outstanding, up to now. */
    public long busyNanos() {
        settle();
        return busyNanos;
    }

    private double sampleUtilisation() {
        settle();
        long now = clock.nowNanos();
        long span = now - sampledAtNanos;
        double ratio = span <= 0 ? 0 : (double) (busyNanos - sampledBusyNanos) / span;
        sampledAtNanos = now;
        sampledBusyNanos = busyNanos;
        return Math.min(1.0, ratio);
    }

    private void settle() {
        long now = clock.nowNanos();
        long elapsed = now - lastChangeNanos;
        lastChangeNanos = now;
        if (elapsed <= 0 || outstanding == 0) {
            return;
        }
        busyNanos += elapsed;
        for (int k = 0; k < activeCount; k++) {
            IssuerHandles h = issuers[active[k]];
            int mine = outstandingOf[h.index];
            if (h.busy == null) {
                h.busy = recorder.counter(Metric.DISK_BUSY_NANOS.id(device, h.issuer));
            }
            // one issuer alone is the common case: its share is all of it, without a division
            h.busy.add(mine == outstanding ? elapsed : elapsed * mine / outstanding);
        }
    }
}
