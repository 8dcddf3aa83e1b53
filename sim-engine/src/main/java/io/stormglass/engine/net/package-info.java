/**
 * The network as the system under test sees it. {@link io.stormglass.engine.net.Transport} moves
 * messages between nodes (small positive ints) with MicroRaft's contract: {@code send} never blocks
 * and never throws, and delivery happens later, as its own event on the simulation loop, to the
 * {@link io.stormglass.engine.net.MessageHandler} registered at delivery time; whether, when, how often
 * and in what order a message arrives is the network model's business. A model learns a message's
 * size and class from {@link io.stormglass.engine.net.MessageTraits}; the
 * {@link io.stormglass.engine.net.TrafficClass}es follow etcd, which keeps a long-lived stream per peer
 * for heartbeats and appends and sends snapshots over a separate pipeline.
 * {@link io.stormglass.engine.net.InstantTransport} is the zero-latency, lossless implementation for
 * tests; the physical model lives in {@code sim-network-models}, and an implementation over sockets
 * must be possible without touching {@code sim-raft}.
 */
package io.stormglass.engine.net;
