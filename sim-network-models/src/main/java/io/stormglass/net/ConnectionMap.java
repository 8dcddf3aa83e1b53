package io.stormglass.net;

import io.stormglass.engine.net.TrafficClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which connection each traffic class travels on, between every pair of nodes. Messages on one
 * connection are serialized one after another (a large one holds up those behind it) and, in
 * FIFO mode, delivered in order; separate connections share the sender's NIC fairly.
 *
 * @param connectionByClass the connection name of every traffic class
 */
public record ConnectionMap(Map<TrafficClass, String> connectionByClass) {
    public ConnectionMap {
        EnumMap<TrafficClass, String> copy = new EnumMap<>(TrafficClass.class);
        copy.putAll(connectionByClass);
        for (TrafficClass c : TrafficClass.values()) {
            if (copy.get(c) == null || copy.get(c).isEmpty()) {
                throw new IllegalArgumentException("traffic class " + c + " has no connection");
            }
        }
        connectionByClass = Collections.unmodifiableMap(copy);
    }

    /**
     * etcd's rafthttp layout per peer: appends on the {@code msgappv2} stream, every other raft
     * message (heartbeats, votes, ReadIndex) on the {@code message} stream, snapshots posted on a
     * connection of their own ({@code snapshot}), so a large snapshot does not hold up heartbeats.
     */
    public static ConnectionMap etcd() {
        EnumMap<TrafficClass, String> map = new EnumMap<>(TrafficClass.class);
        for (TrafficClass c : TrafficClass.values()) {
            map.put(c, "message");
        }
        map.put(TrafficClass.APPEND, "msgappv2");
        map.put(TrafficClass.SNAPSHOT, "snapshot");
        return new ConnectionMap(map);
    }

    /** Everything on one connection, so that a snapshot delays the heartbeats queued behind it. */
    public static ConnectionMap single() {
        EnumMap<TrafficClass, String> map = new EnumMap<>(TrafficClass.class);
        for (TrafficClass c : TrafficClass.values()) {
            map.put(c, "stream");
        }
        return new ConnectionMap(map);
    }

    public String connectionFor(TrafficClass trafficClass) {
        return connectionByClass.get(trafficClass);
    }
}
