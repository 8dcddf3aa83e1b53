package io.stormglass.raft.server.internal;

import io.stormglass.engine.exec.SerialExecutor;
import io.stormglass.engine.net.Transport;
import io.stormglass.raft.RaftMessageTraits;
import io.stormglass.raft.kv.KvSnapshot;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.server.WireTraits;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a member sends: Raft messages to peers, replies to clients, forwarded requests. Never
 * blocks. Each costs CPU before it leaves: a Raft message is encoded by the stream writer of its
 * peer (rafthttp's one goroutine per peer, so messages to a peer leave in order), a reply by its
 * handler goroutine (the sending half of the gRPC call).
 */
final class Outbox {
    private static final RaftMessageTraits RAFT_SIZES = new RaftMessageTraits();

    private final int self;
    private final long startNanos;
    private final MemberObserver observer;
    private final Transport<Wire> transport;
    private final MemberCpu cpu;
    private final PeerTable<SerialExecutor> streamWriters = new PeerTable<>();
    /** rafthttp's snapshot sender of each peer: a goroutine of its own, so a snapshot holds up no stream. */
    private final PeerTable<SerialExecutor> snapshotWriters = new PeerTable<>();

    /** @param startNanos when the member's process started: every Raft message carries it ({@link Wire.Raft}) */
    Outbox(int self, long startNanos, Transport<Wire> transport, MemberCpu cpu, MemberObserver observer) {
        this.self = self;
        this.startNanos = startNanos;
        this.observer = observer;
        this.transport = transport;
        this.cpu = cpu;
    }

    /** Sends a Raft message through its peer's stream writer, after encoding it. */
    void sendRaft(Message msg) {
        observer.sent(self, msg);
        int to = (int) msg.to();
        long encode = cpu.costs().peerNanos(RAFT_SIZES.sizeBytes(msg));
        if (encode == 0) {
            transport.send(self, to, new Wire.Raft(msg, startNanos));
            return;
        }
        SerialExecutor writer = streamWriters.get(to);
        if (writer == null) {
            writer = cpu.thread("n" + self + "/rafthttp-writer-n" + to);
            streamWriters.put(to, writer);
        }
        writer.execute(new Send(to, new Wire.Raft(msg, startNanos), encode));
    }

    /**
     * One message on its peer's stream writer or snapshot sender: encoding charges the CPU, then (after it)
     * the message leaves. Both steps in one object, the second being the first's continuation.
     */
    private final class Send extends ChargeThenTask {
        private final int to;
        private final Wire wire;

        Send(int to, Wire wire, long encodeNanos) {
            super(encodeNanos);
            this.to = to;
            this.wire = wire;
        }

        @Override
        void then() {
            transport.send(self, to, wire);
        }
    }

    /**
     * Posts a snapshot to its peer on the snapshot connection: the message's envelope, then the database
     * file of {@code databaseBytes} bytes holding {@code state}, encoded on the peer's snapshot sender (CPU
     * per KiB of the whole body) before it leaves.
     */
    void sendSnapshot(MsgSnap msg, long databaseBytes, KvSnapshot state) {
        observer.sent(self, msg);
        int to = (int) msg.to();
        Wire.Snapshot post = new Wire.Snapshot(msg, databaseBytes, state);
        long encode = cpu.costs().peerNanos(WireTraits.snapshotBytes(post));
        if (encode == 0) {
            transport.send(self, to, post);
            return;
        }
        SerialExecutor sender = snapshotWriters.get(to);
        if (sender == null) {
            sender = cpu.thread("n" + self + "/rafthttp-snapshot-n" + to);
            snapshotWriters.put(to, sender);
        }
        sender.execute(new Send(to, post, encode));
    }

    /** Answers a unary request from a goroutine woken to do so: the sending half of the gRPC call, then the reply leaves. */
    void reply(int to, long requestId, Wire.ClientReply reply) {
        cpu.burst(replyNanos(reply), requestId, () -> transport.send(self, to, new Wire.Response(requestId, reply)));
    }

    /**
     * Sends a reply whose CPU the handler already spent in the burst that produced it (a handler that
     * answers without blocking marshals and writes its reply on the same run).
     */
    void replySpent(int to, long requestId, Wire.ClientReply reply) {
        transport.send(self, to, new Wire.Response(requestId, reply));
    }

    /** CPU of the sending half of a unary reply. */
    long replyNanos(Wire.ClientReply reply) {
        CpuCosts c = cpu.costs();
        return c.grpcRequestNanos() / 2 + c.grpcBytesNanos(WireTraits.replyBytes(reply));
    }

    /** Hands a client's request to another member (a follower forwards a lease keepalive to the leader over HTTP). */
    void forward(int to, Wire.Request request) {
        cpu.burst(cpu.costs().peerNanos(WireTraits.requestBytes(request)), request.requestId(),
                () -> transport.send(self, to, request));
    }

    /** The stream writers' and snapshot senders' threads (a crash kills them). */
    Iterable<SerialExecutor> streamWriters() {
        List<SerialExecutor> all = new ArrayList<>();
        streamWriters.forEach(all::add);
        snapshotWriters.forEach(all::add);
        return all;
    }

    /** Answers a snapshot from {@code to} once it is saved (rafthttp's HTTP response to the snapshot POST). */
    void acknowledgeSnapshot(int to, long index) {
        transport.send(self, to, new Wire.SnapshotReceived(index));
    }
}
