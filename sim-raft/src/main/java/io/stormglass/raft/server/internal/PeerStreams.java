package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.raft.RaftMessageTraits;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.server.MemberConfig;

/**
 * The receiving half of etcd's rafthttp on one member: each peer's stream reader decodes its messages in
 * arrival order on a goroutine of its own, then the node loop steps them. On the way it notes the peer's
 * connection ({@link PeerActivity}) and the gap between heartbeats (etcd's follower-side view of a late
 * leader). Snapshots come on their own connection ({@link SnapshotReceiver}).
 */
final class PeerStreams {
    private static final RaftMessageTraits RAFT_SIZES = new RaftMessageTraits();

    private final MemberConfig config;
    private final Scheduler scheduler;
    private final MemberCpu cpu;
    private final NodeLoop nodeLoop;
    private final MemberMetrics metrics;
    private final PeerActivity activity;
    private final PeerTable<SerialExecutor> readers = new PeerTable<>();
    /** When the last heartbeat arrived (-1: none yet), for the heartbeat-gap metric. */
    private long lastHeartbeatNanos = -1;

    PeerStreams(MemberConfig config, Scheduler scheduler, MemberCpu cpu, NodeLoop nodeLoop, MemberMetrics metrics,
            PeerActivity activity) {
        this.activity = activity;
        this.config = config;
        this.scheduler = scheduler;
        this.cpu = cpu;
        this.nodeLoop = nodeLoop;
        this.metrics = metrics;
    }

    /** {@code msg} arrived from {@code from}, sent by that peer's process started at {@code senderStartNanos}. */
    void receive(int from, long senderStartNanos, Message msg) {
        long now = scheduler.nowNanos();
        activity.heard(from, senderStartNanos, now);
        if (msg instanceof MsgHeartbeat) {
            if (lastHeartbeatNanos >= 0) {
                metrics.heartbeatGap.record(now - lastHeartbeatNanos);
            }
            lastHeartbeatNanos = now;
        }
        long decode = config.cpu().peerNanos(RAFT_SIZES.sizeBytes(msg));
        if (decode == 0) {
            nodeLoop.step(msg);
            return;
        }
        SerialExecutor reader = readers.get(from);
        if (reader == null) {
            reader = cpu.thread(config.label() + "/rafthttp-reader-n" + from);
            readers.put(from, reader);
        }
        reader.execute(new Decode(msg, decode));
    }

    /**
     * One message on its peer's stream reader: decoding charges the CPU, then (after it) the node loop
     * steps the message. Both steps in one object, the second being the first's continuation.
     */
    private final class Decode extends ChargeThenTask {
        private final Message msg;

        Decode(Message msg, long decodeNanos) {
            super(decodeNanos);
            this.msg = msg;
        }

        @Override
        void then() {
            nodeLoop.step(msg);
        }
    }

    /** etcd's {@code longestConnected} over {@code voters} (this member's own id is never connected to itself). */
    int longestConnected(Iterable<Integer> voters) {
        return activity.longestConnected(voters, scheduler.nowNanos());
    }

    /** etcd's {@code isConnectedSince}: {@code peer}'s connection is active and became so before {@code sinceNanos}. */
    boolean connectedSince(int peer, long sinceNanos) {
        long since = activity.activeSinceNanos(peer, scheduler.nowNanos());
        return since >= 0 && since < sinceNanos;
    }

    /** Whether {@code peer}'s connection is active now (etcd's {@code ActiveSince} is not zero). */
    boolean active(int peer) {
        return activity.activeSinceNanos(peer, scheduler.nowNanos()) >= 0;
    }

    /** The process ends: the stream readers stop. */
    void kill() {
        readers.forEach(SerialExecutor::kill);
    }
}
