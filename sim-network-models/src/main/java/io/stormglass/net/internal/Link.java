package io.stormglass.net.internal;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.net.LinkSpec;
import io.stormglass.net.latency.LatencySampler;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one directed link: its spec, its own random streams (latency and faults), its
 * partition epoch and its metrics.
 *
 * <p>The epoch counts how often the link has been cut. A frame remembers the epoch it was sent
 * in; if the link was cut since, the frame's connection broke under it and the frame is lost,
 * even if the cut has healed by the time it would arrive.
 */
final class Link {
    final int from;
    final int to;
    final LinkSpec spec;
    final LatencySampler latency;
    final SimRandom faultRandom;
    private final String key;
    private final Recorder recorder;
    /** {@code net_messages_total} by traffic class ordinal, each registered on the class's first message. */
    private final Counter[] sent = new Counter[TrafficClass.values().length];
    private final Map<String, Counter> dropped = new TreeMap<>();
    private final LatencyRecorder delivery;
    private long epoch;
    /** Bits serialized onto this link, up to the NIC's last update. */
    double bitsServed;

    Link(int from, int to, LinkSpec spec, SimRandom latencyRandom, SimRandom faultRandom, Recorder recorder) {
        this.from = from;
        this.to = to;
        this.spec = spec;
        this.latency = spec.latency().sampler(latencyRandom);
        this.faultRandom = faultRandom;
        this.key = "n" + from + "->n" + to;
        this.recorder = recorder;
        this.delivery = recorder.latency(Metric.NET_DELIVERY.id("n" + from, "n" + to));
    }

    String key() {
        return key;
    }

    long epoch() {
        return epoch;
    }

    /** The link was cut: everything in flight on it is lost. */
    void cut() {
        epoch++;
    }

    void countSent(TrafficClass trafficClass) {
        Counter counter = sent[trafficClass.ordinal()];
        if (counter == null) {
            counter = recorder.counter(Metric.NET_MESSAGES.id("n" + from, "n" + to, trafficClass.name().toLowerCase(Locale.ROOT)));
            sent[trafficClass.ordinal()] = counter;
        }
        counter.increment();
    }

    void countDropped(String reason) {
        Counter counter = dropped.get(reason);
        if (counter == null) {
            counter = recorder.counter(Metric.NET_MESSAGES_DROPPED.id("n" + from, "n" + to, reason));
            dropped.put(reason, counter);
        }
        counter.increment();
    }

    void recordDelivery(long nanos) {
        delivery.record(nanos);
    }
}
