/**
 * The network model's public API: {@link io.stormglass.net.Network} (the engine's
 * {@code Transport} as a physical network), {@link io.stormglass.net.Topology} with
 * {@link io.stormglass.net.Placement} and {@link io.stormglass.net.RttDefaults},
 * {@link io.stormglass.net.LinkSpec} per directed link, {@link io.stormglass.net.ConnectionMap}
 * and {@link io.stormglass.net.NetworkOptions}.
 *
 * <p>Units: latencies in milliseconds in options (as scenario files write them), nanoseconds on
 * the simulation clock; bandwidth in bits per second; fault rates in parts per million.
 *
 * <p>Not modelled: receive-side NIC contention (a node receiving from many peers at once is not
 * slowed), TCP congestion control and slow start (a connection gets its fair share at once),
 * retransmission (a lost message is gone; Raft retries), and per-packet framing (a message is
 * serialized as one unit of {@code sizeBytes}).
 */
package io.stormglass.net;
