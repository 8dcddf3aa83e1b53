package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.FifoSlots;
import io.stormglass.disk.internal.MeteredDevice;
import io.stormglass.disk.internal.OpenSequences;
import io.stormglass.disk.internal.QosThrottle;
import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoStatus;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A VM disk on a Ceph RBD image, as QEMU + librbd serve it. A request passes three queues in
 * order: the guest's queue depth (FIFO for a free slot; requests beyond it wait in the guest),
 * librbd's QoS token buckets ({@code rbd_qos_iops_limit}, {@code rbd_qos_bps_limit}, their
 * burst and burst seconds, released in FIFO order on the {@code rbd_qos_schedule_tick_min} tick
 * of 50 ms), then the {@link CephCluster} (network round trips, replicated OSD ops).
 *
 * <p>With the RBD cache off (writethrough, what etcd wants) a write acknowledged by the cluster
 * is durable, so a FLUSH does no I/O of its own: it is not throttled, but it completes only
 * once every write submitted before it has completed. Behind a saturated throttle an fdatasync
 * thus waits for its own write to pass the queue and then for every write queued before its
 * flush — the mechanism of seed 001's {@code slow fdatasync took 2.14s}.
 */
public final class CephRbdDisk extends MeteredDevice {
    private static final EventKind QOS = EventKind.named("disk.ceph.qos");
    private static final EventKind FLUSH_DONE = EventKind.named("disk.ceph.flush");

    /**
     * @param clusterName     images naming the same cluster share its OSDs (and must give equal cluster options)
     * @param cluster         the cluster's options
     * @param iopsLimit       {@code rbd_qos_iops_limit}; 0 = unlimited (Ceph's default); seed 001: 1000
     * @param iopsBurst       {@code rbd_qos_iops_burst}; 0 = the limit (Ceph treats a burst below the limit as the limit)
     * @param iopsBurstSeconds {@code rbd_qos_iops_burst_seconds}; default 1 (Ceph's default); bucket = burst × seconds
     * @param bpsLimit        {@code rbd_qos_bps_limit} in bytes/s; 0 = unlimited
     * @param bpsBurst        {@code rbd_qos_bps_burst}; 0 = the limit
     * @param bpsBurstSeconds {@code rbd_qos_bps_burst_seconds}; default 1
     * @param qosTickMillis   {@code rbd_qos_schedule_tick_min}; default 50 ms (Ceph's default)
     * @param guestQueueDepth requests the guest keeps in flight; default 1024: QEMU ≥ 5.2 gives virtio-blk one
     *                        queue per vCPU (4 here) of 256 entries, and blk-mq with mq-deadline allows
     *                        2 × min(depth, 128) = 256 requests per hardware queue
     */
    public record Options(String clusterName, CephCluster.Options cluster, long iopsLimit, long iopsBurst,
            double iopsBurstSeconds, long bpsLimit, long bpsBurst, double bpsBurstSeconds, long qosTickMillis,
            int guestQueueDepth) implements DiskSpec {
        /** An image on the default cluster {@code "ceph"} with the given IOPS limit and Ceph's other defaults. */
        public static Options withIopsLimit(long iopsLimit) {
            return new Options("ceph", CephCluster.Options.defaults(), iopsLimit, 0, 1.0, 0, 0, 1.0, 50, 1024);
        }

        @Override
        public String model() {
            return "ceph-rbd";
        }
    }

    private final CephCluster cluster;
    private final String image;
    private final FifoSlots guestSlots;
    private final QosThrottle qos;
    /** Writes by sequence number, from submission to completion. */
    private final OpenSequences incompleteWrites = new OpenSequences();
    private final ArrayDeque<RbdOp> pendingFlushes = new ArrayDeque<>();
    private final EventAction completeFlushesEvent = this::completeFlushes;
    private final long key;

    public CephRbdDisk(DiskEnv env, String name, Options o, CephCluster cluster) {
        super(env.scheduler(), name, env.metricsFor(name));
        this.cluster = cluster;
        this.image = name;
        this.key = Hashing.fnv1a64(name);
        this.guestSlots = new FifoSlots(o.guestQueueDepth());
        long tick = o.qosTickMillis() * 1_000_000L;
        this.qos = new QosThrottle(env.scheduler(), QOS, key, o.iopsLimit(),
                Math.max(o.iopsBurst(), o.iopsLimit()) * o.iopsBurstSeconds(), o.bpsLimit(),
                Math.max(o.bpsBurst(), o.bpsLimit()) * o.bpsBurstSeconds(), tick, 0);
    }

    /** Requests waiting in the QoS throttle now. */
    public int throttled() {
        return qos.waiting();
    }

    /** Requests that have passed the IOPS throttle so far. */
    public long throttlePassed() {
        return qos.iopsGranted();
    }

    @Override
    protected void serve(Io io) {
        long writeSeq = io.request().op() == IoOp.WRITE ? incompleteWrites.issue() : 0;
        guestSlots.acquire(new RbdOp(io, writeSeq, incompleteWrites.lastIssued()));
    }

    /**
     * One request on its way through the guest queue, the throttle and the cluster: one object
     * serves as the slot grant, the throttle grant and the cluster's answer (issue 23).
     */
    private final class RbdOp implements Runnable, Consumer<IoStatus> {
        private final Io io;
        /** This write's sequence number; 0 for a read or flush. */
        private final long writeSeq;
        /** A flush completes once every write up to this one has. */
        private final long barrierSeq;
        private boolean slotHeld;
        private long queuedAtNanos;

        RbdOp(Io io, long writeSeq, long barrierSeq) {
            this.io = io;
            this.writeSeq = writeSeq;
            this.barrierSeq = barrierSeq;
        }

        /** First a guest slot is granted, then (reads and writes) the throttle lets the request pass. */
        @Override
        public void run() {
            if (!slotHeld) {
                slotHeld = true;
                slotGranted();
                return;
            }
            IoRequest r = io.request();
            metrics().throttleWaited(r.issuer(), scheduler.nowNanos() - queuedAtNanos);
            if (r.op() == IoOp.READ) {
                cluster.read(image, r.issuer(), r.offsetBytes(), r.lengthBytes(), this);
            } else {
                cluster.write(image, r.issuer(), r.offsetBytes(), r.lengthBytes(), this);
            }
        }

        private void slotGranted() {
            if (io.request().op() == IoOp.FLUSH) {
                pendingFlushes.addLast(this);
                scheduler.schedule(0, FLUSH_DONE, key, completeFlushesEvent);
            } else {
                queuedAtNanos = scheduler.nowNanos();
                qos.pass(io.request().lengthBytes(), this);
            }
        }

        /** The cluster answered (a read or write), or the flush's barrier cleared. */
        @Override
        public void accept(IoStatus status) {
            if (writeSeq != 0) {
                incompleteWrites.finish(writeSeq);
            }
            guestSlots.release();
            io.complete(status);
            if (writeSeq != 0) {
                completeFlushes();
            }
        }
    }

    /** Completes, in order, every flush whose earlier writes have all completed. */
    private void completeFlushes() {
        while (!pendingFlushes.isEmpty()) {
            RbdOp f = pendingFlushes.peekFirst();
            if (incompleteWrites.anyOpenUpTo(f.barrierSeq)) {
                return;
            }
            pendingFlushes.pollFirst();
            f.accept(IoStatus.OK);
        }
    }
}
