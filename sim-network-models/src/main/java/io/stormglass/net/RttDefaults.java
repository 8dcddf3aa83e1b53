package io.stormglass.net;

import io.stormglass.net.latency.LatencyDistribution;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.Uniform;

/**
 * Default round-trip times by distance; a link's one-way latency is half the RTT. Sources: seed
 * 001 and etcd's tuning guide ("RTT in a datacentre a few hundred µs, across the US ~50 ms,
 * intercontinental up to 400 ms"); AWS documents single-digit-ms inter-AZ latency, typically
 * ~1 ms RTT.
 *
 * @param sameRackRttMinMs     same rack, lower bound of a uniform RTT (0.1 ms)
 * @param sameRackRttMaxMs     same rack, upper bound (0.3 ms)
 * @param sameZoneRttMs        same zone, other rack: median RTT (0.5 ms, a few hundred µs through the spine)
 * @param crossZoneRttMs       across availability zones: median RTT (1 ms)
 * @param crossRegionRttMs     across regions without an override: median RTT (50 ms, the seed's US figure)
 * @param lanP99OverMedian     p99 / median of a lognormal in-region hop (2: queueing in switches)
 * @param wanP99OverMedian     p99 / median of a cross-region hop (1.1: propagation dominates)
 */
public record RttDefaults(
        double sameRackRttMinMs,
        double sameRackRttMaxMs,
        double sameZoneRttMs,
        double crossZoneRttMs,
        double crossRegionRttMs,
        double lanP99OverMedian,
        double wanP99OverMedian) {

    public RttDefaults {
        if (!(sameRackRttMinMs >= 0) || sameRackRttMaxMs < sameRackRttMinMs || !(sameZoneRttMs > 0)
                || !(crossZoneRttMs > 0) || !(crossRegionRttMs > 0)
                || !(lanP99OverMedian >= 1) || !(wanP99OverMedian >= 1)) {
            throw new IllegalArgumentException("invalid RTT defaults: " + this);
        }
    }

    public static RttDefaults standard() {
        return new RttDefaults(0.1, 0.3, 0.5, 1.0, 50.0, 2.0, 1.1);
    }

    /** The default one-way latency between two nodes this far apart ({@code regionRttMs} only for cross-region). */
    public LatencyDistribution oneWay(Placement.Distance distance, double regionRttMs) {
        return switch (distance) {
            case SAME_RACK -> new Uniform(sameRackRttMinMs / 2, sameRackRttMaxMs / 2);
            case SAME_ZONE -> lognormalHalf(sameZoneRttMs, lanP99OverMedian);
            case CROSS_ZONE -> lognormalHalf(crossZoneRttMs, lanP99OverMedian);
            case CROSS_REGION -> lognormalHalf(regionRttMs, wanP99OverMedian);
        };
    }

    /**
     * A one-way latency for a measured median RTT between nodes this far apart: half the RTT,
     * lognormal with the tail of the distance (same rack counts as in-region).
     */
    public LatencyDistribution oneWayForRtt(Placement.Distance distance, double rttMs) {
        return lognormalHalf(rttMs, distance == Placement.Distance.CROSS_REGION ? wanP99OverMedian : lanP99OverMedian);
    }

    private static LatencyDistribution lognormalHalf(double rttMs, double p99OverMedian) {
        double median = rttMs / 2;
        return new LogNormal(median, median * p99OverMedian);
    }
}
