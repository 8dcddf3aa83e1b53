package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.NetworkSchema.*;

import io.stormglass.net.LinkSpec;
import io.stormglass.net.NetworkOptions;
import io.stormglass.net.Ordering;
import io.stormglass.net.latency.LatencyDistribution;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.Suggestions;
import io.stormglass.scenario.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Binds {@code network:}: the default link between members (one-way latency, bandwidth cap,
 * ordering, loss, duplication, corruption, reordering), RTTs between regions, per-link
 * overrides, and the NIC bandwidth and connection layout.
 */
final class NetworkBinder {
    private NetworkBinder() {
    }

    static NetworkSpec bind(MapReader n, List<MemberSpec> members) {
        LinkSpec defaultLink = link(n, LinkSpec.of(DEFAULT_LATENCY));
        NetworkOptions options = new NetworkOptions(NIC_BANDWIDTH.read(n), CONNECTIONS.read(n));
        List<NetworkSpec.RegionRtt> regions = regions(n, members);
        List<NetworkSpec.LinkOverride> overrides = new ArrayList<>();
        for (MapReader l : n.listOfMaps("links")) {
            int from = member(l, FROM.name(), members.size());
            int to = member(l, TO.name(), members.size());
            if (from > 0 && from == to) {
                TO.problem(l, "a link joins two different members");
            }
            LinkSpec spec = link(l, defaultLink);
            boolean bothWays = BOTH_WAYS.read(l);
            l.finish();
            if (from > 0 && to > 0 && from != to) {
                overrides.add(new NetworkSpec.LinkOverride(from, to, spec, bothWays));
            }
        }
        // links between clients and members, when they differ from the rest (seed 003: latency added on the client side)
        LinkSpec clientLink = n.optionalMap("client-link").map(c -> {
            LinkSpec spec = link(c, defaultLink);
            c.finish();
            return spec;
        }).orElse(null);
        return new NetworkSpec(defaultLink, clientLink, regions, overrides, options);
    }

    /** A link's keys, each defaulting to {@code base}'s value. */
    private static LinkSpec link(MapReader m, LinkSpec base) {
        LatencyDistribution latency = LatencyBinder.bind(m, "latency", base.latency());
        long bandwidth = BANDWIDTH.read(m, base.bandwidthBitsPerSecond());
        Ordering ordering = ORDERING.read(m, base.ordering());
        long loss = LOSS.read(m, base.lossPpm());
        long duplicate = DUPLICATE.read(m, base.duplicatePpm());
        long corrupt = CORRUPT.read(m, base.corruptPpm());
        long reorder = REORDER.read(m, base.reorderPpm());
        double reorderDelayMs = REORDER_DELAY.read(m, base.reorderDelayMs());
        if (reorder > 0 && ordering == Ordering.FIFO) {
            REORDER.problem(m, "reordering needs ordering: datagram (a FIFO connection never reorders)");
        }
        return Fields.build(m, "latency", () -> new LinkSpec(latency, bandwidth, ordering, loss, duplicate, corrupt, reorder,
                reorderDelayMs), base);
    }

    private static List<NetworkSpec.RegionRtt> regions(MapReader n, List<MemberSpec> members) {
        List<NetworkSpec.RegionRtt> out = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        members.forEach(m -> known.add(m.placement().region()));
        n.optionalMap("regions").ifPresent(r -> {
            for (String key : r.keys()) {
                String[] pair = key.split("/", -1);
                long rtt = r.durationNanos(key, 0);
                if (pair.length != 2 || pair[0].isEmpty() || pair[1].isEmpty() || pair[0].equals(pair[1])) {
                    r.problem(key, "expected two different regions as region-a/region-b, got " + Quote.of(key));
                    continue;
                }
                boolean ok = true;
                for (String region : pair) {
                    if (!known.contains(region)) {
                        String hint = Suggestions.closest(region, known).map(c -> " (did you mean " + c + "?)").orElse("");
                        r.problem(key, "no member is in region '" + region + "'" + hint + "; members' regions: "
                                + String.join(", ", known));
                        ok = false;
                    }
                }
                if (rtt <= 0) {
                    r.problem(key, "a round-trip time must be longer than 0s");
                    ok = false;
                }
                if (ok) {
                    out.add(new NetworkSpec.RegionRtt(pair[0], pair[1], rtt / 1e6));
                }
            }
            r.finish();
        });
        return out;
    }

    /** A member id under {@code key}; 0 after recording a problem. */
    static int member(MapReader m, String key, int size) {
        if (!m.require(key, "a member id 1.." + size)) {
            return 0;
        }
        return memberId(m, key, m.nodeOf(key), size);
    }

    /** The member id written at {@code node} (reported under {@code key} of {@code m}); 0 after recording a problem. */
    static int memberId(MapReader m, String key, YamlNode node, int size) {
        String text = node instanceof YamlNode.YamlScalar s ? s.text() : null;
        if (text == null || !text.matches("-?[0-9]{1,9}")) {
            m.problems().add(node.location(), m.keyPath(key), "expected a member id 1.." + size + ", got "
                    + (text == null ? node.describe() : Quote.of(text)));
            return 0;
        }
        int id = Integer.parseInt(text);
        if (id < 1 || id > size) {
            m.problems().add(node.location(), m.keyPath(key), "member " + id + " does not exist: cluster.size is " + size);
            return 0;
        }
        return id;
    }
}
