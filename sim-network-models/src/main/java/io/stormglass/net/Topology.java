package io.stormglass.net;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where the nodes are and what the links between them look like. A link's spec is, in order of
 * precedence: an explicit per-link override (directional, so links can be asymmetric); else the
 * template with the latency that {@link RttDefaults} gives for the two placements, using the
 * region-pair RTT where one is set. Nodes never placed sit together in {@link Placement#local()}.
 *
 * <p>Between the override and the placement default sits the RTT matrix: a median RTT set for a
 * node pair ({@link Builder#rttMs}) replaces the placement's RTT but keeps its distance's tail.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class Topology {
    private final SortedMap<Integer, Placement> placements;
    private final SortedMap<String, Double> regionRttMs;
    private final SortedMap<Long, LinkSpec> overrides;
    private final SortedMap<Long, Double> pairRttMs;
    private final RttDefaults defaults;
    private final LinkSpec template;

    private Topology(Builder b) {
        this.placements = Collections.unmodifiableSortedMap(new TreeMap<>(b.placements));
        this.regionRttMs = Collections.unmodifiableSortedMap(new TreeMap<>(b.regionRttMs));
        this.overrides = Collections.unmodifiableSortedMap(new TreeMap<>(b.overrides));
        this.pairRttMs = Collections.unmodifiableSortedMap(new TreeMap<>(b.pairRttMs));
        this.defaults = b.defaults;
        this.template = b.template;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every node in one rack, links from the same-rack default. */
    public static Topology singleRack() {
        return builder().build();
    }

    public Placement placement(int node) {
        return placements.getOrDefault(node, Placement.local());
    }

    /** The spec of the directed link {@code from → to}. */
    public LinkSpec link(int from, int to) {
        LinkSpec override = overrides.get(pairKey(from, to));
        if (override != null) {
            return override;
        }
        Placement a = placement(from);
        Placement b = placement(to);
        Placement.Distance distance = a.distanceTo(b);
        Double pairRtt = pairRttMs.get(unorderedPairKey(from, to));
        if (pairRtt != null) {
            return template.withLatency(defaults.oneWayForRtt(distance, pairRtt));
        }
        double rtt = regionRttMs.getOrDefault(regionKey(a.region(), b.region()), defaults.crossRegionRttMs());
        return template.withLatency(defaults.oneWay(distance, rtt));
    }

    /** The placements given explicitly, by node. */
    public SortedMap<Integer, Placement> placements() {
        return placements;
    }

    static long pairKey(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    private static long unorderedPairKey(int a, int b) {
        return pairKey(Math.min(a, b), Math.max(a, b));
    }

    private static String regionKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    /** Builds a {@link Topology}. */
    public static final class Builder {
        private final Map<Integer, Placement> placements = new TreeMap<>();
        private final Map<String, Double> regionRttMs = new TreeMap<>();
        private final Map<Long, LinkSpec> overrides = new TreeMap<>();
        private final Map<Long, Double> pairRttMs = new TreeMap<>();
        private RttDefaults defaults = RttDefaults.standard();
        private LinkSpec template = LinkSpec.constantMs(0);

        public Builder place(int node, String region, String zone, String rack) {
            placements.put(node, new Placement(region, zone, rack));
            return this;
        }

        /** The median RTT between two regions (symmetric), such as 400 ms intercontinental. */
        public Builder regionRttMs(String regionA, String regionB, double rttMs) {
            if (!(rttMs > 0)) {
                throw new IllegalArgumentException("rttMs must be positive: " + rttMs);
            }
            regionRttMs.put(regionKey(regionA, regionB), rttMs);
            return this;
        }

        /** An entry of the RTT matrix: the median RTT between nodes {@code a} and {@code b} (both directions). */
        public Builder rttMs(int a, int b, double rttMs) {
            if (!(rttMs > 0) || Double.isInfinite(rttMs)) {
                throw new IllegalArgumentException("rttMs must be positive and finite: " + rttMs);
            }
            pairRttMs.put(unorderedPairKey(a, b), rttMs);
            return this;
        }

        public Builder rttDefaults(RttDefaults rttDefaults) {
            this.defaults = rttDefaults;
            return this;
        }

        /**
         * Bandwidth, ordering and fault settings for every link without an override; its latency
         * is replaced by the distance default.
         */
        public Builder linkTemplate(LinkSpec linkTemplate) {
            this.template = linkTemplate;
            return this;
        }

        /** Overrides the directed link {@code from → to} entirely (the reverse link is untouched). */
        public Builder link(int from, int to, LinkSpec spec) {
            overrides.put(pairKey(from, to), spec);
            return this;
        }

        /** Overrides both directions with the same spec. */
        public Builder linkBothWays(int a, int b, LinkSpec spec) {
            return link(a, b, spec).link(b, a, spec);
        }

        public Topology build() {
            return new Topology(this);
        }
    }
}
