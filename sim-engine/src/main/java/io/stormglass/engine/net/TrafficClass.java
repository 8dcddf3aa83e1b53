package io.stormglass.engine.net;

/**
 * What a message is, as far as the network is concerned. A network model maps classes to
 * connections: etcd keeps a long-lived "stream" per peer for heartbeats and appends and sends
 * snapshots over a separate "pipeline", so a large snapshot need not delay heartbeats.
 */
public enum TrafficClass {
    HEARTBEAT,
    VOTE,
    APPEND,
    SNAPSHOT,
    READ_INDEX,
    CLIENT,
    CONTROL
}
