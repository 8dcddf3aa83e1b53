package io.stormglass.net.internal;

import io.stormglass.engine.net.TrafficClass;
import io.stormglass.net.ConnectionMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What a send on one directed link needs, found with one lookup: the link, the sender's NIC, and
 * the connection each traffic class travels on (looked up in the {@link ConnectionMap} once per
 * class; classes mapped to the same name share one connection).
 */
final class Route<M> {
    final Link link;
    final EgressNic<M> nic;
    private final ConnectionMap connectionMap;
    private final Connection<M>[] byClass;
    /** Connections by name, consulted only when a class is first sent; never iterated. */
    private final Map<String, Connection<M>> byName = new HashMap<>(4);

    @SuppressWarnings("unchecked")
    Route(Link link, EgressNic<M> nic, ConnectionMap connectionMap) {
        this.link = link;
        this.nic = nic;
        this.connectionMap = connectionMap;
        this.byClass = (Connection<M>[]) new Connection<?>[TrafficClass.values().length];
    }

    /** The connection {@code trafficClass} travels on, created on first use. */
    Connection<M> connection(TrafficClass trafficClass) {
        Connection<M> c = byClass[trafficClass.ordinal()];
        if (c == null) {
            String name = connectionMap.connectionFor(trafficClass);
            c = byName.get(name);
            if (c == null) {
                c = new Connection<>(link, name);
                byName.put(name, c);
            }
            byClass[trafficClass.ordinal()] = c;
        }
        return c;
    }
}
