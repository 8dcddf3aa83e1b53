package io.stormglass.net;

/**
 * Network-wide settings.
 *
 * @param nicBandwidthBitsPerSecond every node's egress NIC rate unless the builder overrides it
 *                                  for a node; 0 = unlimited (no serialization delay). Default
 *                                  10 Gbit/s, the common datacentre NIC (and the "up to 10 Gigabit"
 *                                  of general-purpose cloud instances)
 * @param connections               which connection each traffic class uses; default {@link ConnectionMap#etcd()}
 */
public record NetworkOptions(long nicBandwidthBitsPerSecond, ConnectionMap connections) {
    public static final long DEFAULT_NIC_BANDWIDTH_BITS_PER_SECOND = 10_000_000_000L;

    public NetworkOptions {
        if (nicBandwidthBitsPerSecond < 0) {
            throw new IllegalArgumentException("nicBandwidthBitsPerSecond must not be negative: " + nicBandwidthBitsPerSecond);
        }
        if (connections == null) {
            throw new IllegalArgumentException("connections must be given");
        }
    }

    public static NetworkOptions defaults() {
        return new NetworkOptions(DEFAULT_NIC_BANDWIDTH_BITS_PER_SECOND, ConnectionMap.etcd());
    }

    public NetworkOptions withNicBandwidthBitsPerSecond(long bitsPerSecond) {
        return new NetworkOptions(bitsPerSecond, connections);
    }

    public NetworkOptions withConnections(ConnectionMap map) {
        return new NetworkOptions(nicBandwidthBitsPerSecond, map);
    }
}
