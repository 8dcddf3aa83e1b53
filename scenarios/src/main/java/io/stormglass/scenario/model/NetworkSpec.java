package io.stormglass.scenario.model;

import io.stormglass.net.LinkSpec;
import io.stormglass.net.NetworkOptions;
import java.util.List;

/**
 * The network: a default link (latency distribution, bandwidth, loss), round-trip times between
 * regions, per-link overrides, and NIC options. Member placement is in {@link MemberSpec};
 * clients sit with the member they first talk to.
 *
 * <p>Latency: between two members that were both left unplaced, the default link applies as
 * written; between placed members the latency follows from their placement (same rack, zone,
 * region RTTs) and the default link gives the other attributes (bandwidth, loss, ordering).
 *
 * @param defaultLink  every link not overridden
 * @param clientLink   links between clients and members (null: as between members)
 * @param regionRtts   round-trip times between pairs of regions
 * @param overrides    links set one by one
 * @param options      NIC bandwidth and the mapping of message classes to connections
 */
public record NetworkSpec(LinkSpec defaultLink, LinkSpec clientLink, List<RegionRtt> regionRtts,
        List<LinkOverride> overrides, NetworkOptions options) {
    public NetworkSpec {
        regionRtts = List.copyOf(regionRtts);
        overrides = List.copyOf(overrides);
    }

    /** Round-trip time between two regions, in milliseconds. */
    public record RegionRtt(String regionA, String regionB, double rttMs) {
    }

    /** A link from {@code from} to {@code to} (and back, if {@code bothWays}). */
    public record LinkOverride(int from, int to, LinkSpec link, boolean bothWays) {
    }
}
