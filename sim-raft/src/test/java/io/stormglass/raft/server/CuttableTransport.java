package io.stormglass.raft.server;

import io.stormglass.engine.net.MessageHandler;
import io.stormglass.engine.net.Transport;
import java.util.List;
import java.util.TreeSet;

/**
 * A transport that can cut a group of members off from the other members, Jepsen style: clients
 * (ids from {@link #FIRST_CLIENT}) still reach every member. Messages crossing the cut are dropped
 * when sent.
 */
final class CuttableTransport<M> implements Transport<M> {
    static final int FIRST_CLIENT = 1000;

    private final Transport<M> inner;
    private final TreeSet<Integer> side = new TreeSet<>();
    private long dropped;

    CuttableTransport(Transport<M> inner) {
        this.inner = inner;
    }

    /** Cuts {@code members} off from the other members (replacing any earlier cut). */
    void cut(List<Integer> members) {
        side.clear();
        side.addAll(members);
    }

    void heal() {
        side.clear();
    }

    long droppedMessages() {
        return dropped;
    }

    @Override
    public void send(int fromNode, int toNode, M message) {
        boolean peers = fromNode < FIRST_CLIENT && toNode < FIRST_CLIENT;
        if (peers && side.contains(fromNode) != side.contains(toNode)) {
            dropped++;
            return;
        }
        inner.send(fromNode, toNode, message);
    }

    @Override
    public void register(int node, MessageHandler<M> handler) {
        inner.register(node, handler);
    }

    @Override
    public void unregister(int node) {
        inner.unregister(node);
    }
}
