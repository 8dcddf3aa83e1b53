package io.stormglass.engine.net;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.Map;
import java.util.TreeMap;

/**
 * A zero-latency, lossless transport for tests: every message is delivered at the instant it
 * was sent (as a separate event, in send order) to the handler registered at delivery time.
 */
public final class InstantTransport<M> implements Transport<M> {
    private static final EventKind DELIVER = EventKind.named("net.instant.deliver");

    private final Scheduler scheduler;
    private final Map<Integer, MessageHandler<M>> handlers = new TreeMap<>();
    private long sent;
    private long delivered;

    public InstantTransport(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void send(int fromNode, int toNode, M message) {
        sent++;
        scheduler.schedule(0, DELIVER, toNode, () -> {
            MessageHandler<M> handler = handlers.get(toNode);
            if (handler != null) {
                delivered++;
                handler.onMessage(fromNode, message);
            }
        });
    }

    @Override
    public void register(int node, MessageHandler<M> handler) {
        handlers.put(node, handler);
    }

    @Override
    public void unregister(int node) {
        handlers.remove(node);
    }

    public long sentMessages() {
        return sent;
    }

    public long deliveredMessages() {
        return delivered;
    }
}
