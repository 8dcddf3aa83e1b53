package io.stormglass.net;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.MessageHandler;
import io.stormglass.engine.net.MessageTraits;
import io.stormglass.engine.net.Transport;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.net.internal.LinkFabric;
import io.stormglass.net.partition.ActiveFaults;
import io.stormglass.net.partition.FaultSchedule;
import java.util.Map;
import java.util.TreeMap;

/**
 * A physical network model behind the engine's {@link Transport}: per-link latency
 * distributions, NIC bandwidth with serialization and queueing, connections per traffic class,
 * loss, duplication, corruption, reordering (datagram links), and partitions and clogs on a
 * schedule.
 *
 * <p>The path of a message from A to B:
 * <ol>
 *   <li>{@code send} counts it ({@code net_messages_total{from,to,class}}); if the path is cut
 *       by an active partition it is dropped (reason {@code partition}). Otherwise it joins the
 *       queue of its connection ({@link ConnectionMap}) at A's egress NIC; a clog active now adds
 *       its delay to the message.</li>
 *   <li>The NIC serializes it: {@code size × 8 / rate}, after every earlier message of the same
 *       connection, while sharing the NIC max-min fairly with A's other busy connections and
 *       capped by the link's own bandwidth. 1 GiB at 1 Gbit/s alone takes 8.59 s.</li>
 *   <li>On the wire: lost with {@code lossPpm}; duplicated with {@code duplicatePpm}; damaged
 *       with {@code corruptPpm}; arrives after a one-way latency drawn from the link's
 *       distribution, plus the clog; with FIFO ordering never before the previous message of the
 *       connection, with datagram ordering possibly before it.</li>
 *   <li>On arrival it is dropped if the link was cut at any moment since it was sent (TCP: the
 *       connection broke and took its unacknowledged bytes with it; etcd does not resend raft
 *       messages), if damaged (the receiver's checksum fails), or if B has no handler; otherwise
 *       B's handler gets it and {@code net_delivery_seconds{from,to}} records send-to-delivery.</li>
 * </ol>
 * A message a node sends to itself is delivered at once, as its own event, without faults or
 * metrics (a loopback, not the network).
 *
 * <p>Every directed link draws from its own random streams, so changing one link's traffic
 * never changes another's draws. {@code send} never blocks or throws.
 */
public final class Network<M> implements Transport<M> {
    private final MessageTraits<M> traits;
    private final Topology topology;
    private final NetworkOptions options;
    private final ActiveFaults faults;
    private final FaultSchedule faultSchedule;
    private final LinkFabric<M> fabric;

    private Network(Builder<M> b) {
        this.traits = b.traits;
        this.topology = b.topology;
        this.options = b.options;
        this.faults = new ActiveFaults();
        this.faultSchedule = new FaultSchedule(b.scheduler, b.recorder.timeline(), faults);
        Map<Integer, Long> nicOverrides = new TreeMap<>(b.nicBandwidth);
        long nicDefault = b.options.nicBandwidthBitsPerSecond();
        this.fabric = new LinkFabric<>(b.scheduler, b.streams, b.recorder, b.topology, b.options.connections(),
                node -> nicOverrides.getOrDefault(node, nicDefault), faults);
    }

    public static <M> Builder<M> builder(Scheduler scheduler, RandomStreams streams, Recorder recorder, MessageTraits<M> traits) {
        return new Builder<>(scheduler, streams, recorder, traits);
    }

    @Override
    public void send(int fromNode, int toNode, M message) {
        if (fromNode == toNode) {
            fabric.loopback(fromNode, message);
            return;
        }
        fabric.send(fromNode, toNode, message, traits.sizeBytes(message), traits.trafficClass(message));
    }

    @Override
    public void register(int node, MessageHandler<M> handler) {
        fabric.register(node, handler);
    }

    @Override
    public void unregister(int node) {
        fabric.unregister(node);
    }

    /** The faults active now; switch them through {@link #faultSchedule()} so the timeline shows them. */
    public ActiveFaults faults() {
        return faults;
    }

    /** Schedules partitions and clogs, recording each switch on the timeline. */
    public FaultSchedule faultSchedule() {
        return faultSchedule;
    }

    public Topology topology() {
        return topology;
    }

    public NetworkOptions options() {
        return options;
    }

    /** Messages handed to a handler so far (loopback excluded). */
    public long deliveredMessages() {
        return fabric.deliveredMessages();
    }

    /** Messages dropped so far for any reason. */
    public long droppedMessages() {
        return fabric.droppedMessages();
    }

    /** Builds a {@link Network}. */
    public static final class Builder<M> {
        private final Scheduler scheduler;
        private final RandomStreams streams;
        private final Recorder recorder;
        private final MessageTraits<M> traits;
        private final Map<Integer, Long> nicBandwidth = new TreeMap<>();
        private Topology topology = Topology.singleRack();
        private NetworkOptions options = NetworkOptions.defaults();

        private Builder(Scheduler scheduler, RandomStreams streams, Recorder recorder, MessageTraits<M> traits) {
            this.scheduler = scheduler;
            this.streams = streams;
            this.recorder = recorder;
            this.traits = traits;
        }

        public Builder<M> topology(Topology value) {
            this.topology = value;
            return this;
        }

        public Builder<M> options(NetworkOptions value) {
            this.options = value;
            return this;
        }

        /** Gives {@code node} a NIC rate other than {@link NetworkOptions#nicBandwidthBitsPerSecond()}; 0 = unlimited. */
        public Builder<M> nicBandwidthBitsPerSecond(int node, long bitsPerSecond) {
            if (bitsPerSecond < 0) {
                throw new IllegalArgumentException("bitsPerSecond must not be negative: " + bitsPerSecond);
            }
            nicBandwidth.put(node, bitsPerSecond);
            return this;
        }

        public Network<M> build() {
            return new Network<>(this);
        }
    }
}
