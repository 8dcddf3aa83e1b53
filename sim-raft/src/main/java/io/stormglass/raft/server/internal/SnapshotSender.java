package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.message.MsgSnap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A leader's snapshot sending, after etcd's {@code createMergedSnapshotMessage}
 * (server/etcdserver/snapshot_merge.go) and rafthttp's snapshot sender (snapshot_sender.go): the
 * snapshot a lagging or new member gets is the applied state with the backend's database file, whose
 * size is the file's ({@code dbsnap.Size()}, bbolt's {@code tx.Size()}: live and historical data and
 * free pages, so it follows {@link DbSpace#totalBytes()} and shrinks only after a defragmentation). That
 * many bytes cross the snapshot connection and the shared NIC, and the receiver writes them to its
 * data disk before it answers ({@link SnapshotReceiver}).
 *
 * <p>One snapshot at a time per peer: rafthttp sends one, and Raft keeps the peer paused until the
 * send is reported. The simulated transport gives no delivery report, so the send is reported to Raft at
 * once (it then probes the peer, which refuses appends until the snapshot is applied) and a new
 * snapshot for the peer waits until this one is answered. rafthttp puts no deadline on the POST (its
 * pipeline transport has no read or write timeout): it ends when TCP gives up on a broken connection,
 * which the simulation does not see; so the sender gives up after {@code snapResponseReadTimeout}
 * ({@value #RESPONSE_TIMEOUT_NANOS} ns) past the time the body takes at
 * {@value #PATIENCE_FLOOR_BITS_PER_SECOND} bit/s (a tenth of the library's 1 Gbit/s NICs), and Raft may
 * send another.
 *
 * <p>Logs and metrics as etcd's: {@code sending database snapshot} (bytes, size), {@code sent database
 * snapshot to writer} and {@code sent database snapshot} when the receiver answered (the simulation learns
 * only then that the body was written), {@code etcd_network_snapshot_send_total_duration_seconds} from
 * the send to the answer, {@code etcd_network_snapshot_send_success} and {@code _failures}. Runs on the
 * raft loop's executor.
 */
final class SnapshotSender {
    /** rafthttp's {@code snapResponseReadTimeout}. */
    static final long RESPONSE_TIMEOUT_NANOS = 5_000_000_000L;
    /** The slowest transfer rate the sender waits for before it gives up on an answer. */
    static final long PATIENCE_FLOOR_BITS_PER_SECOND = 100_000_000L;
    private static final EventKind TIMEOUT = EventKind.named("member.snapshot-response-timeout");

    /** A snapshot on its way to a peer. */
    private record InFlight(long index, long databaseBytes, long startNanos, long deadlineNanos) {
    }

    private final int self;
    private final Scheduler scheduler;
    private final SerialExecutor executor;
    private final NodeLoop nodeLoop;
    private final Applier applier;
    private final DbSpace space;
    private final Outbox outbox;
    private final MemberLog log;
    private final MemberLife life;
    private final Recorder recorder;
    private final Map<Long, InFlight> inFlight = new TreeMap<>();

    SnapshotSender(int self, Scheduler scheduler, SerialExecutor executor, NodeLoop nodeLoop, Applier applier, DbSpace space,
            Outbox outbox, MemberLog log, MemberLife life, Recorder recorder) {
        this.self = self;
        this.scheduler = scheduler;
        this.executor = executor;
        this.nodeLoop = nodeLoop;
        this.applier = applier;
        this.space = space;
        this.outbox = outbox;
        this.log = log;
        this.life = life;
        this.recorder = recorder;
    }

    /**
     * Raft asks for {@code snap} to go to its peer: sends the merged snapshot with the database file,
     * unless one is still on its way there, and reports it sent.
     */
    void send(MsgSnap snap, long now) {
        long peer = snap.to();
        InFlight busy = inFlight.get(peer);
        if (busy != null && now < busy.deadlineNanos()) {
            return; // Raft keeps the peer in its snapshot state, paused, until this one is answered or given up
        }
        Applier.Outgoing out = applier.snapshotFor(peer, snap.snapshot());
        MsgSnap merged = new MsgSnap(snap.from(), peer, snap.term(), out.snapshot());
        long bytes = space.totalBytes();
        long patience = RESPONSE_TIMEOUT_NANOS + bytes * 8 * 1_000_000_000L / PATIENCE_FLOOR_BITS_PER_SECOND;
        InFlight sent = new InFlight(merged.snapshot().index(), bytes, now, now + patience);
        inFlight.put(peer, sent);
        scheduler.schedule(patience, TIMEOUT, peer, () -> executor.execute(ctx -> giveUp(peer, sent)));
        log.info("sending database snapshot", "snapshot-index", Long.toString(sent.index()), "remote-peer-id",
                Long.toHexString(peer), "bytes", Long.toString(bytes), "size", GoBytes.format(bytes));
        outbox.sendSnapshot(merged, bytes, out.state());
        // no delivery report from the transport: report it sent now; a lost one is sent again after the give-up
        nodeLoop.reportSnapshotSent(peer);
    }

    /** The receiver answered the snapshot sent to {@code peer}: the next may go, and Raft hears that it was delivered. */
    void delivered(long peer) {
        executor.execute(ctx -> {
            InFlight sent = inFlight.remove(peer);
            if (sent == null) {
                return;
            }
            String size = GoBytes.format(sent.databaseBytes());
            log.info("sent database snapshot to writer", "bytes", Long.toString(sent.databaseBytes()), "size", size);
            log.info("sent database snapshot", "snapshot-index", Long.toString(sent.index()), "remote-peer-id",
                    Long.toHexString(peer), "bytes", Long.toString(sent.databaseBytes()), "size", size);
            String to = "n" + peer;
            LatencyRecorder took = recorder.latency(Metric.SNAPSHOT_SEND_DURATION.id("n" + self, to));
            took.record(ctx.nowNanos() - sent.startNanos());
            Counter ok = recorder.counter(Metric.SNAPSHOT_SEND_SUCCESS.id("n" + self, to));
            ok.increment();
            nodeLoop.reportSnapshotSent(peer);
        });
    }

    private void giveUp(long peer, InFlight sent) {
        if (!life.alive() || inFlight.get(peer) != sent) {
            return;
        }
        inFlight.remove(peer);
        log.warn("failed to send database snapshot", "snapshot-index", Long.toString(sent.index()), "remote-peer-id",
                Long.toHexString(peer), "bytes", Long.toString(sent.databaseBytes()), "size", GoBytes.format(sent.databaseBytes()),
                "error", "no answer in time");
        recorder.counter(Metric.SNAPSHOT_SEND_FAILURES.id("n" + self, "n" + peer)).increment();
        nodeLoop.reportSnapshotSent(peer); // no answer: Raft probes the peer again and sends another
    }
}
