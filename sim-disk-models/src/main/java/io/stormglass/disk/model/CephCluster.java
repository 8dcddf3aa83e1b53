package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.Jitter;
import io.stormglass.disk.internal.Join;
import io.stormglass.disk.internal.ServiceQueue;
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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Ceph cluster that several RBD images (VM disks) share: its OSDs, each an op queue in front
 * of its own device model, and the network between client and OSDs. Every image backed by one
 * cluster object loads the same OSD devices, so one VM's burst slows its neighbours' disks too.
 *
 * <p>A write of an object goes client → primary OSD (half an RTT); the primary persists it and
 * forwards it to the other replicas (half an RTT), which persist it and acknowledge (half an
 * RTT); once all replicas have it the primary acknowledges the client (half an RTT): about two
 * round trips plus the slowest replica's op. A read is served by the primary alone. Objects are
 * placed pseudo-randomly by hashing (image, object number), like CRUSH over a flat map; replicas
 * are the next OSDs in order.
 */
public final class CephCluster {
    private static final EventKind NET = EventKind.named("disk.ceph.net");
    private static final EventKind OSD = EventKind.named("disk.ceph.osd");

    /**
     * @param osdCount                 OSDs in the cluster; default 6
     * @param replicationFactor        copies of each object ({@code size} of the pool); default 3 (Ceph's default)
     * @param networkRttMicros         client/OSD and OSD/OSD round trip; default 200 µs (in one data centre "a
     *                                 few hundred µs", seed 001)
     * @param osdSoftwareLatencyMicros median time an OSD spends on an op outside its device (messenger, PG lock,
     *                                 BlueStore commit path); default 300 µs, which with two RTTs and a PLP NVMe
     *                                 gives the ~1 ms QD1 write of SSD-backed clusters (DESIGN.md §5)
     * @param osdOpThreads             ops an OSD works on at once; default 16 ({@code osd_op_num_shards_ssd} 8 ×
     *                                 {@code osd_op_num_threads_per_shard_ssd} 2)
     * @param objectSizeBytes          RBD object size; default 4 MiB (rbd's default order 22)
     * @param osd                      each OSD's device; default an NVMe with power-loss protection
     * @param jitterSigma              log-normal sigma of the OSD software latency; default 0.3
     */
    public record Options(int osdCount, int replicationFactor, long networkRttMicros, long osdSoftwareLatencyMicros,
            int osdOpThreads, long objectSizeBytes, DiskSpec osd, double jitterSigma) {
        public Options {
            if (replicationFactor < 1 || replicationFactor > osdCount) {
                throw new IllegalArgumentException("replication " + replicationFactor + " needs as many OSDs, have "
                        + osdCount);
            }
        }

        public static Options defaults() {
            return new Options(6, 3, 200, 300, 16, 4L << 20, NvmeDisk.Options.defaults(true), 0.3);
        }
    }

    private final Scheduler scheduler;
    private final Options options;
    private final String name;
    private final BlockDevice[] osdDevices;
    private final ServiceQueue<OsdOp>[] osdQueues;
    private final Jitter jitter;
    private final long halfRttNanos;
    private final long key;
    /** The FLUSH every persisted replica op of an issuer sends, shared: requests are immutable. */
    private final Map<String, IoRequest> flushes = new HashMap<>();

    public CephCluster(DiskEnv env, String name, Options options, DeviceFactory factory) {
        this.scheduler = env.scheduler();
        this.options = options;
        this.name = name;
        this.osdDevices = new BlockDevice[options.osdCount()];
        @SuppressWarnings("unchecked")
        ServiceQueue<OsdOp>[] queues = new ServiceQueue[options.osdCount()];
        this.osdQueues = queues;
        this.key = Hashing.fnv1a64(name);
        OsdService service = new OsdService();
        for (int i = 0; i < osdDevices.length; i++) {
            osdDevices[i] = factory.create(name + "/osd." + i, options.osd());
            osdQueues[i] = new ServiceQueue<>(scheduler, OSD, key + i, options.osdOpThreads(), service);
        }
        this.jitter = new Jitter(env.random(name), options.jitterSigma());
        this.halfRttNanos = options.networkRttMicros() * 1000 / 2;
    }

    public Options options() {
        return options;
    }

    public String name() {
        return name;
    }

    /** Writes {@code [offset, offset+length)} of {@code image}, replicated; {@code done} runs when every object is acknowledged. */
    public void write(String image, String issuer, long offsetBytes, long lengthBytes, Consumer<IoStatus> done) {
        forEachObject(image, issuer, IoOp.WRITE, offsetBytes, lengthBytes, done);
    }

    /** Reads from the primary OSD of each object. */
    public void read(String image, String issuer, long offsetBytes, long lengthBytes, Consumer<IoStatus> done) {
        forEachObject(image, issuer, IoOp.READ, offsetBytes, lengthBytes, done);
    }

    /** Sends one {@code op} per object the range touches to the object's primary, half an RTT from now. */
    private void forEachObject(String image, String issuer, IoOp op, long offset, long length, Consumer<IoStatus> done) {
        long objectSize = options.objectSizeBytes();
        long first = offset / objectSize;
        long last = length == 0 ? first : (offset + length - 1) / objectSize;
        Consumer<IoStatus> part = first == last ? done : new Join((int) (last - first + 1), done);
        long imageHash = Hashing.fnv1a64(image);
        for (long object = first; object <= last; object++) {
            long from = Math.max(offset, object * objectSize);
            long to = Math.min(offset + length, (object + 1) * objectSize);
            int primary = (int) Long.remainderUnsigned(Hashing.mix64(imageHash ^ object), osdDevices.length);
            // each OSD keeps objects in its own address space; spread objects so they do not overlap
            long osdOffset = Long.remainderUnsigned(Hashing.mix64(imageHash + object), 1L << 20) * objectSize
                    + (from - object * objectSize);
            IoRequest request = new IoRequest(issuer, op, osdOffset, to - from);
            later(op == IoOp.WRITE ? new ObjectWrite(primary, request, part) : new OsdOp(primary, request, null, part));
        }
    }

    /**
     * One object's replicated write, from its arrival at the primary to the primary's
     * acknowledgement to the client. On arrival (its first event) the primary starts its own op
     * and forwards the object to the other replicas, half an RTT away, all with the same request
     * (requests are immutable). A replica's acknowledgement reaches the primary half an RTT after
     * the replica persisted; that arrival is computed ahead rather than run as an event of its
     * own: nothing happens at the primary when it arrives but this count (issue 23: two events
     * fewer per replicated write, the client's acknowledgement at the same instant as before).
     * Once every copy has arrived, the acknowledgement reaches the client half an RTT later (its
     * second event). The status is the error that reached the primary first, or OK.
     */
    private final class ObjectWrite implements EventAction {
        private final int primary;
        private final IoRequest request;
        private final Consumer<IoStatus> client;
        private boolean arrived;
        private int remaining;
        private long lastArrivalNanos;
        private IoStatus status = IoStatus.OK;
        private long errorArrivalNanos = Long.MAX_VALUE;

        ObjectWrite(int primary, IoRequest request, Consumer<IoStatus> client) {
            this.primary = primary;
            this.request = request;
            this.client = client;
            this.remaining = options.replicationFactor();
        }

        @Override
        public void fire() {
            if (arrived) {
                client.accept(status);
                return;
            }
            arrived = true;
            osdQueues[primary].add(new OsdOp(primary, request, this, null));
            for (int r = 1; r < options.replicationFactor(); r++) {
                later(new OsdOp((primary + r) % osdDevices.length, request, this, null));
            }
        }

        /** One copy is persisted (or failed); its acknowledgement reaches the primary at {@code arrivalNanos}, not before now. */
        void persisted(IoStatus copyStatus, long arrivalNanos) {
            if (!copyStatus.isOk() && arrivalNanos < errorArrivalNanos) {
                status = copyStatus;
                errorArrivalNanos = arrivalNanos;
            }
            lastArrivalNanos = Math.max(lastArrivalNanos, arrivalNanos);
            if (--remaining == 0) {
                scheduler.scheduleAt(lastArrivalNanos + halfRttNanos, NET, key, this);
            }
        }
    }

    /**
     * An op on one OSD: software time in its op queue, then its device; a write is persisted with a
     * flush. Its event is its arrival at the OSD (a replica's, or a read's at the primary), or,
     * once done, a read's reply reaching the client half an RTT later. One object per op serves
     * as queue item, event and device callback (issue 23: it replaces a chain of closures).
     */
    private final class OsdOp implements EventAction, IoCallback {
        private final int osd;
        private final IoRequest request;
        /** The write this op stores a copy of; null for a read. */
        private final ObjectWrite write;
        /** Where a read's status goes; null for a write. */
        private final Consumer<IoStatus> reader;
        private boolean flushing;
        /** A read's status once the device served it (its reply is on the way). */
        private IoStatus replied;

        OsdOp(int osd, IoRequest request, ObjectWrite write, Consumer<IoStatus> reader) {
            this.osd = osd;
            this.request = request;
            this.write = write;
            this.reader = reader;
        }

        @Override
        public void fire() {
            if (replied == null) {
                osdQueues[osd].add(this);
            } else {
                reader.accept(replied);
            }
        }

        @Override
        public void onComplete(IoResult result) {
            onComplete(result.status(), result.submittedAtNanos(), result.completedAtNanos());
        }

        @Override
        public void onComplete(IoStatus status, long submittedAtNanos, long completedAtNanos) {
            if (write == null) {
                replied = status;
                later(this);
            } else if (!flushing && status.isOk()) {
                flushing = true;
                osdDevices[osd].submit(flushes.computeIfAbsent(request.issuer(), IoRequest::flush), this);
            } else {
                write.persisted(status, osd == write.primary
                        ? scheduler.nowNanos() : scheduler.nowNanos() + halfRttNanos);
            }
        }
    }

    /** An OSD's op threads: software time (drawn when a thread takes the op), then the op goes to the device. */
    private final class OsdService implements ServiceQueue.Server<OsdOp> {
        @Override
        public long startService(OsdOp op, long nowNanos) {
            return jitter.apply(options.osdSoftwareLatencyMicros() * 1000);
        }

        @Override
        public void finished(OsdOp op) {
            osdDevices[op.osd].submit(op.request, op);
        }
    }

    private void later(EventAction action) {
        scheduler.schedule(halfRttNanos, NET, key, action);
    }
}
