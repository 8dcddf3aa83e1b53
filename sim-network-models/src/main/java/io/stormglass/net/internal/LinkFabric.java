package io.stormglass.net.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.MessageHandler;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.net.ConnectionMap;
import io.stormglass.net.LinkSpec;
import io.stormglass.net.Ordering;
import io.stormglass.net.Topology;
import io.stormglass.net.partition.ActiveFaults;
import io.stormglass.net.partition.NetworkFault;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

/**
 * The machinery behind {@code Network}: links created on first use, one egress NIC per sending
 * node, the path of a message (NIC → loss → wire → partition/corruption check → handler), and
 * the drop of everything in flight on a link that gets cut.
 *
 * <p>Random streams, one pair per directed link so links never shift each other's draws:
 * {@code net/latency/n1->n2} and {@code net/faults/n1->n2}.
 *
 * <p>The message path looks links and handlers up in {@link LongTable}s (no key built, nothing boxed);
 * the tree maps are kept for what is iterated (links and NICs, when a fault cuts links).
 */
public final class LinkFabric<M> implements ActiveFaults.Listener {
    /** Drop reasons, the {@code reason} label of {@code net_messages_dropped_total}. */
    public static final String DROP_PARTITION = "partition";
    public static final String DROP_LOSS = "loss";
    public static final String DROP_CORRUPT = "corrupt";
    public static final String DROP_UNREGISTERED = "unregistered";
    public static final String DROP_WITHHELD = "withheld";

    private static final EventKind DELIVER = EventKind.named("net.deliver");
    private static final EventKind LOOPBACK = EventKind.named("net.loopback");

    private final Scheduler scheduler;
    private final RandomStreams streams;
    private final Recorder recorder;
    private final Topology topology;
    private final ConnectionMap connectionMap;
    private final IntToLongFunction nicBandwidth;
    private final ActiveFaults faults;
    private final Map<Long, Link> links = new TreeMap<>();
    /** Routes by {@link #pairKey}, for the message path. */
    private final LongTable<Route<M>> routes = new LongTable<>();
    private final Map<Integer, EgressNic<M>> nics = new TreeMap<>();
    private final LongTable<MessageHandler<M>> handlers = new LongTable<>();
    private final Frame.Arrival<M> arrival = this::deliver;
    private long delivered;
    private long dropped;

    public LinkFabric(Scheduler scheduler, RandomStreams streams, Recorder recorder, Topology topology,
                ConnectionMap connectionMap, IntToLongFunction nicBandwidth, ActiveFaults faults) {
        this.scheduler = scheduler;
        this.streams = streams;
        this.recorder = recorder;
        this.topology = topology;
        this.connectionMap = connectionMap;
        this.nicBandwidth = nicBandwidth;
        this.faults = faults;
        faults.addListener(this);
    }

    public void register(int node, MessageHandler<M> handler) {
        handlers.put(node, handler);
    }

    public void unregister(int node) {
        handlers.put(node, null);
    }

    /** A message to oneself: delivered now, as its own event, with no faults and no metrics. */
    public void loopback(int node, M message) {
        scheduler.schedule(0, LOOPBACK, node, () -> {
            MessageHandler<M> handler = handlers.get(node);
            if (handler != null) {
                handler.onMessage(node, message);
            }
        });
    }

    /** Takes a message from {@code from} (never {@code to} itself) on the connection of its class. */
    public void send(int from, int to, M message, long sizeBytes, TrafficClass trafficClass) {
        Route<M> route = route(from, to);
        Link link = route.link;
        link.countSent(trafficClass);
        if (faults.blocks(from, to)) {
            drop(link, DROP_PARTITION);
            return;
        }
        if (faults.drops(from, to, trafficClass)) {
            drop(link, DROP_WITHHELD);
            return;
        }
        Connection<M> connection = route.connection(trafficClass);
        long bits = 8L * Math.max(0, sizeBytes);
        route.nic.enqueue(new Frame<>(link, connection, message, trafficClass, bits,
                scheduler.nowNanos(), faults.clogNanos(from, to), arrival));
    }

    /** The route {@code from → to}, its link created from the topology on first use. */
    private Route<M> route(int from, int to) {
        long key = pairKey(from, to);
        Route<M> route = routes.get(key);
        if (route == null) {
            String name = "n" + from + "->n" + to;
            Link link = new Link(from, to, topology.link(from, to), streams.stream("net/latency/" + name),
                    streams.stream("net/faults/" + name), recorder);
            links.put(key, link);
            registerUtilisation(link);
            route = new Route<>(link, nic(from), connectionMap);
            routes.put(key, route);
        }
        return route;
    }

    public long deliveredMessages() {
        return delivered;
    }

    public long droppedMessages() {
        return dropped;
    }

    @Override
    public void faultsChanged(NetworkFault fault, boolean active) {
        if (!active) {
            return;
        }
        boolean anyCut = false;
        for (Link link : links.values()) {
            if (fault.blocks(link.from, link.to)) {
                link.cut();
                anyCut = true;
            }
        }
        if (anyCut) {
            for (EgressNic<M> nic : nics.values()) {
                nic.purge(f -> f.linkEpoch != f.link.epoch(), f -> drop(f.link, DROP_PARTITION));
            }
        }
    }

    private void serialized(Frame<M> frame) {
        Link link = frame.link;
        LinkSpec spec = link.spec;
        if (frame.linkEpoch != link.epoch()) {
            drop(link, DROP_PARTITION);
            return;
        }
        boolean degraded = !faults.isEmpty();
        long lossPpm = degraded ? Math.max(spec.lossPpm(), faults.lossPpm(link.from, link.to)) : spec.lossPpm();
        if (link.faultRandom.chancePpm(lossPpm)) {
            drop(link, DROP_LOSS);
            return;
        }
        putOnWire(frame);
        // a degradation never duplicates client-class traffic: gRPC over TCP delivers a request once, and
        // a proposal a follower forwards rides that class (etcd does not deduplicate proposals: a copy
        // would be applied twice)
        long duplicatePpm = degraded && frame.trafficClass != TrafficClass.CLIENT
                ? Math.max(spec.duplicatePpm(), faults.duplicatePpm(link.from, link.to)) : spec.duplicatePpm();
        if (link.faultRandom.chancePpm(duplicatePpm)) {
            putOnWire(frame.copy());
        }
    }

    private void putOnWire(Frame<M> frame) {
        Link link = frame.link;
        LinkSpec spec = link.spec;
        frame.corrupt = link.faultRandom.chancePpm(spec.corruptPpm());
        long arrival = scheduler.nowNanos() + link.latency.nextNanos() + frame.clogNanos;
        if (spec.ordering() == Ordering.FIFO) {
            frame.connection.keepOrder(frame.linkEpoch, arrival);
            arrival = frame.connection.lastArrivalNanos;
        } else if (link.faultRandom.chancePpm(spec.reorderPpm())) {
            arrival += Math.round(spec.reorderDelayMs() * 1_000_000.0 * link.faultRandom.nextDouble());
        }
        long reorderMaxNanos = faults.isEmpty() ? 0 : faults.reorderDelayMaxNanos(link.from, link.to);
        if (reorderMaxNanos > 0) {
            arrival += link.faultRandom.nextLong(reorderMaxNanos);
        }
        scheduler.scheduleAt(arrival, DELIVER, pairKey(link.from, link.to), frame);
    }

    private void deliver(Frame<M> frame) {
        Link link = frame.link;
        if (frame.linkEpoch != link.epoch() || faults.blocks(link.from, link.to)) {
            drop(link, DROP_PARTITION);
            return;
        }
        if (frame.corrupt) {
            drop(link, DROP_CORRUPT);
            return;
        }
        MessageHandler<M> handler = handlers.get(link.to);
        if (handler == null) {
            drop(link, DROP_UNREGISTERED);
            return;
        }
        delivered++;
        link.recordDelivery(scheduler.nowNanos() - frame.sentAtNanos);
        handler.onMessage(link.from, frame.message);
    }

    private static long pairKey(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private void drop(Link link, String reason) {
        dropped++;
        link.countDropped(reason);
    }

    private EgressNic<M> nic(int node) {
        return nics.computeIfAbsent(node, n -> new EgressNic<>(scheduler, n, nicBandwidth.applyAsLong(n), this::serialized));
    }

    /** {@code net_link_utilisation_ratio}: bits serialized onto the link in the last window over what it could carry. */
    private void registerUtilisation(Link link) {
        EgressNic<M> nic = nic(link.from);
        double[] last = {nic.bitsServedNow(link), scheduler.nowNanos()};
        recorder.gauge(Metric.NET_LINK_UTILISATION.id("n" + link.from, "n" + link.to), () -> {
            double bits = nic.bitsServedNow(link);
            double seconds = (scheduler.nowNanos() - last[1]) / 1e9;
            double capacity = nic.capacityOf(link);
            double ratio = seconds <= 0 || Double.isInfinite(capacity) ? 0 : (bits - last[0]) / (capacity * seconds);
            last[0] = bits;
            last[1] = scheduler.nowNanos();
            return Math.min(1.0, ratio);
        });
    }
}
