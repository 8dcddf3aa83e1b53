package io.stormglass.raft.server.internal;

import io.stormglass.engine.net.Transport;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.server.Wire;

/** Everything a member sends: Raft messages to peers, replies to clients, forwarded requests. Never blocks. */
final class Outbox {
    private final int self;
    private final Transport<Wire> transport;

    Outbox(int self, Transport<Wire> transport) {
        this.self = self;
        this.transport = transport;
    }

    void sendRaft(Message msg) {
        transport.send(self, (int) msg.to(), new Wire.Raft(msg));
    }

    void reply(int to, long requestId, Wire.ClientReply reply) {
        transport.send(self, to, new Wire.Response(requestId, reply));
    }

    /** Hands a client's request to another member (a follower forwards a lease keepalive to the leader). */
    void forward(int to, Wire.Request request) {
        transport.send(self, to, request);
    }
}
