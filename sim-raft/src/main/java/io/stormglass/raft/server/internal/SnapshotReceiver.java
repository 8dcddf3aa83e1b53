package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.Continuation;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.exec.TaskContext;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.FileSystem;
import io.stormglass.engine.storage.IoStatus;
import io.stormglass.raft.RaftMessageTraits;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.server.WireTraits;
import java.util.Locale;

/**
 * etcd's snapshot handler (rafthttp's {@code snapshotHandler.ServeHTTP} and {@code Snapshotter.SaveDBFrom},
 * server/etcdserver/api/snap/db.go), on a goroutine of its own: a snapshot POST from the leader is
 * decoded, its database file is written to {@code member/snap/<index>.snap.db} on the data disk (a
 * temporary file, fdatasynced, then renamed), the message is stepped into Raft, and only then does the
 * answer go back (so the leader's send lasts until the file is saved). The file's size becomes the
 * member's database size when the snapshot is applied ({@link DbSpace#received}). The simulation writes
 * the file after the whole body has arrived, where etcd copies it from the connection as it comes (its
 * writes land in the page cache and the fdatasync at the end takes the rest); the older received file is
 * deleted when a newer one is saved.
 *
 * <p>Logs and metrics as etcd's: {@code receiving database snapshot}, {@code saved database snapshot to
 * disk}, {@code received and saved database snapshot} (with {@code download-took}, here from the arrival
 * of the body), {@code etcd_network_snapshot_receive_total_duration_seconds} and {@code _success}.
 */
final class SnapshotReceiver {
    private final int self;
    private final FileSystem dataFs;
    private final MemberCpu cpu;
    private final DbSpace space;
    private final NodeLoop nodeLoop;
    private final Outbox outbox;
    private final MemberLog log;
    private final MemberLife life;
    private final Recorder recorder;
    private final SnapshotStates states;
    private SerialExecutor handler;
    private String lastSaved;

    SnapshotReceiver(int self, FileSystem dataFs, MemberCpu cpu, DbSpace space, NodeLoop nodeLoop, Outbox outbox, MemberLog log,
            MemberLife life, Recorder recorder, SnapshotStates states) {
        this.self = self;
        this.states = states;
        this.dataFs = dataFs;
        this.cpu = cpu;
        this.space = space;
        this.nodeLoop = nodeLoop;
        this.outbox = outbox;
        this.log = log;
        this.life = life;
        this.recorder = recorder;
    }

    /** A snapshot POST from {@code from} arrived whole. */
    void receive(int from, Wire.Snapshot post) {
        if (handler == null) {
            handler = cpu.thread("n" + self + "/rafthttp-snapshot-handler");
        }
        handler.execute(ctx -> {
            long start = ctx.nowNanos();
            MsgSnap msg = post.message();
            long index = msg.snapshot().index();
            long envelope = RaftMessageTraits.snapshotEnvelopeBytes(msg);
            ctx.chargeCpu(cpu.costs().peerNanos(WireTraits.snapshotBytes(post)));
            log.info("receiving database snapshot", "local-member-id", Long.toHexString(self), "remote-snapshot-sender-id",
                    Long.toHexString(from), "incoming-snapshot-index", Long.toString(index), "incoming-snapshot-message-size-bytes",
                    Long.toString(envelope), "incoming-snapshot-message-size", GoBytes.format(envelope));
            save(ctx, index, post.databaseBytes(), (c, status) -> saved(c, from, post, start, status));
        });
    }

    /** Kills the handler's thread (the member crashed). */
    void kill() {
        if (handler != null) {
            handler.kill();
        }
    }

    /** {@code SaveDBFrom}: the file written, fdatasynced and renamed into place; {@code done} gets the outcome. */
    private void save(TaskContext ctx, long index, long bytes, Continuation<IoStatus> done) {
        String tmp = "member/snap/tmp-" + String.format(Locale.ROOT, "%016x", index);
        DataFile file = dataFs.open(tmp);
        IoStatus cleared = file.sizeBytes() == 0 ? IoStatus.OK : file.truncate(0);
        if (!cleared.isOk()) {
            done.resume(ctx, cleared);
            return;
        }
        RegionWriter.grow(ctx, file, bytes, (c, grown) -> {
            if (!grown.isOk() || bytes <= RegionWriter.REGION_BYTES) {
                finishSave(c, tmp, index, grown, done);
                return;
            }
            RegionWriter.write(c, file, bytes - RegionWriter.REGION_BYTES, (c2, written) -> finishSave(c2, tmp, index, written, done));
        });
    }

    private void finishSave(TaskContext ctx, String tmp, long index, IoStatus status, Continuation<IoStatus> done) {
        if (!life.alive()) {
            return;
        }
        if (!status.isOk()) {
            dataFs.delete(tmp);
            done.resume(ctx, status);
            return;
        }
        String path = dbPath(index);
        dataFs.rename(tmp, path);
        if (lastSaved != null && !lastSaved.equals(path)) {
            dataFs.delete(lastSaved);
        }
        lastSaved = path;
        done.resume(ctx, status);
    }

    /** etcd's {@code dbFilePath}: {@code <snap dir>/%016x.snap.db}. */
    private static String dbPath(long index) {
        return "member/snap/" + String.format(Locale.ROOT, "%016x", index) + ".snap.db";
    }

    private void saved(TaskContext ctx, int from, Wire.Snapshot post, long startNanos, IoStatus status) {
        MsgSnap msg = post.message();
        long bytes = post.databaseBytes();
        long index = msg.snapshot().index();
        if (!status.isOk()) {
            log.warn("failed to save incoming database snapshot", "local-member-id", Long.toHexString(self),
                    "remote-snapshot-sender-id", Long.toHexString(from), "incoming-snapshot-index", Long.toString(index),
                    "error", status.toString());
            return; // no answer: the leader gives up on it and sends another
        }
        String size = GoBytes.format(bytes);
        log.info("saved database snapshot to disk", "path", dbPath(index), "bytes", Long.toString(bytes), "size", size);
        long took = ctx.nowNanos() - startNanos;
        log.info("received and saved database snapshot", "local-member-id", Long.toHexString(self), "remote-snapshot-sender-id",
                Long.toHexString(from), "incoming-snapshot-index", Long.toString(index), "incoming-snapshot-size-bytes",
                Long.toString(bytes), "incoming-snapshot-size", size, "download-took", GoDuration.format(took));
        space.received(index, bytes);
        // what the saved database file holds, for the install: a holder of its own (a duplicated post shares the state)
        states.put(msg.snapshot().term(), index, post.database().encodedCopy());
        nodeLoop.step(msg);
        outbox.acknowledgeSnapshot(from, index);
        String sender = "n" + from;
        recorder.latency(Metric.SNAPSHOT_RECEIVE_DURATION.id("n" + self, sender)).record(took);
        recorder.counter(Metric.SNAPSHOT_RECEIVE_SUCCESS.id("n" + self, sender)).increment();
    }
}
