package io.stormglass.scenario.schema;

import io.stormglass.net.ConnectionMap;
import io.stormglass.net.LinkSpec;
import io.stormglass.net.NetworkOptions;
import io.stormglass.net.Ordering;
import io.stormglass.net.latency.Constant;
import io.stormglass.net.latency.Empirical;
import io.stormglass.net.latency.Jittered;
import io.stormglass.net.latency.LatencyDistribution;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.Pareto;
import io.stormglass.net.latency.Quantiles;
import io.stormglass.net.latency.TailMixture;
import io.stormglass.net.latency.TruncatedNormal;
import io.stormglass.net.latency.Uniform;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.schema.Variant.Case;
import java.util.function.Function;

/**
 * {@code network:}: the default link between members (one-way latency, bandwidth cap, ordering,
 * loss, duplication, corruption, reordering), RTTs between regions, per-link overrides, the NIC
 * bandwidth and connection layout; and a latency: a distribution with its parameters, an
 * optional jitter and a rare tail.
 */
public final class NetworkSchema {
    /**
     * Default one-way latency: uniform 0.05–0.15 ms, i.e. a 0.1–0.3 ms RTT, same rack in one data
     * centre ("a few hundred µs", seed 001; the network models' same-rack default).
     */
    public static final LatencyDistribution DEFAULT_LATENCY = new Uniform(0.05, 0.15);
    private static final Default<Double> LATENCY_REQUIRED = Default.required("a duration such as 0.5ms");
    private static final LinkSpec LINK_D = LinkSpec.of(DEFAULT_LATENCY);

    private static final Section.Builder<Constant> CO = Section.builder("latency.constant");
    public static final Key<Constant, Double> VALUE = CO.key("value", Types.MILLIS, Constant::latencyMs, LATENCY_REQUIRED,
            "always this long");
    private static final Section.Builder<Uniform> UN = Section.builder("latency.uniform");
    public static final Key<Uniform, Double> UNIFORM_MIN = UN.key("min", Types.MILLIS, Uniform::minMs, LATENCY_REQUIRED, "shortest");
    public static final Key<Uniform, Double> UNIFORM_MAX = UN.key("max", Types.MILLIS, Uniform::maxMs, LATENCY_REQUIRED,
            "longest, at least `min`");
    private static final Section.Builder<TruncatedNormal> NO = Section.builder("latency.normal");
    public static final Key<TruncatedNormal, Double> MEAN = NO.key("mean", Types.MILLIS, TruncatedNormal::meanMs, LATENCY_REQUIRED,
            "mean before truncation");
    public static final Key<TruncatedNormal, Double> STDDEV = NO.key("stddev", Types.MILLIS, TruncatedNormal::stddevMs, LATENCY_REQUIRED,
            "standard deviation before truncation");
    public static final Key<TruncatedNormal, Double> NORMAL_MIN = NO.key("min", Types.MILLIS, TruncatedNormal::minMs, Default.of(0.0),
            "truncated below this");
    public static final Key<TruncatedNormal, Double> NORMAL_MAX = NO.key("max", Types.MILLIS, TruncatedNormal::maxMs, Default.of(0.0,
            "none"), "truncated above this");
    private static final Section.Builder<LogNormal> LN = Section.builder("latency.lognormal");
    public static final Key<LogNormal, Double> MEDIAN = LN.key("median", Types.MILLIS, LogNormal::medianMs, LATENCY_REQUIRED,
            "median, longer than 0s");
    public static final Key<LogNormal, Double> P99 = LN.key("p99", Types.MILLIS, LogNormal::p99Ms, LATENCY_REQUIRED,
            "99th percentile, at least `median`");
    private static final Section.Builder<Pareto> PA = Section.builder("latency.pareto");
    public static final Key<Pareto, Double> SCALE = PA.key("scale", Types.MILLIS, Pareto::scaleMs, LATENCY_REQUIRED,
            "the shortest latency, longer than 0s");
    public static final Key<Pareto, Double> SHAPE = PA.key("shape", Types.number(0, 1000), Pareto::shape,
            Default.required("a number above 0, such as 1.5"), "tail index, above 0: the lower, the heavier the tail");
    public static final Key<Pareto, Double> CAP = PA.key("cap", Types.MILLIS, Pareto::capMs, Default.of(0.0, "none"),
            "no latency beyond this; at least `scale`");
    private static final Section.Builder<Empirical> EM = Section.builder("latency.empirical");
    public static final Key<Empirical, double[]> SAMPLES = EM.key("samples", QuantileTypes.SAMPLES, Empirical::samplesMs,
            Default.required("a list of measured latencies"), "measured latencies, drawn uniformly");
    private static final Section.Builder<Quantiles> QU = Section.builder("latency.quantiles");
    public static final Key<Quantiles, Quantiles> POINTS = QU.key("points", QuantileTypes.POINTS, Function.identity(),
            Default.required("quantiles"), "the quantile function, interpolated; `p0` (or `min`) and `p100` (or `max`) required");

    private static final Section.Builder<LatencyDistribution> BO = Section.builder("latency.body");
    public static final Variant<LatencyDistribution, LatencyDistribution> DISTRIBUTION = BO.variant("latency.distributions", "distribution",
            d -> d instanceof Jittered j ? j.base() : d, Default.required("a distribution"),
            "the distribution; its keys follow in the same mapping", Case.of("constant", Constant.class, CO.build()), Case.of("uniform",
            Uniform.class, UN.build()), Case.of("normal", TruncatedNormal.class, NO.build()), Case.of("lognormal", LogNormal.class,
            LN.build()), Case.of("pareto", Pareto.class, PA.build()), Case.of("empirical", Empirical.class, EM.build()),
            Case.of("quantiles", Quantiles.class, QU.build()));
    public static final Key<LatencyDistribution, Double> JITTER = BO.key("jitter", Types.MILLIS,
            d -> d instanceof Jittered j ? j.jitterMaxMs() : null, Default.of(0.0, "none"), "a uniform extra delay in [0, jitter)");
    private static final Section<LatencyDistribution> BODY = BO.build();

    private static final Section.Builder<TailMixture> TA = Section.builder("latency.tail");
    public static final Key<TailMixture, Long> PROBABILITY = TA.key("probability", Types.SIGNED_PPM.describedAs("ppm"),
            TailMixture::tailPpm, Default.required("how often the tail is drawn, such as 100ppm or 0.01%"), "how often the tail is drawn");

    static {
        TA.inline("distribution", BODY, TailMixture::tail, "the tail's own distribution and `jitter`, as above (no `tail`)");
    }

    private static final Section<TailMixture> TAIL = TA.build();

    private static final Section.Builder<LatencyDistribution> LA = Section.builder("latency");

    static {
        LA.inline("", BODY, d -> d instanceof TailMixture t ? t.body() : d, null);
        LA.nested("tail", "mapping", () -> TAIL, d -> d instanceof TailMixture t ? t : null, Default.text("none"),
                "a rare, slower draw: `probability` and a distribution of its own (below), such as "
                        + "`{probability: 0.1%, distribution: pareto, scale: 200ms, shape: 1.5}`");
    }

    public static final Section<LatencyDistribution> LATENCY = LA.build();

    private static final Section.Builder<LinkSpec> LI = Section.builder("network.link", LINK_D);

    static {
        LI.nested("latency", "duration or mapping", () -> LATENCY, LinkSpec::latency, Default.of(DEFAULT_LATENCY),
                "one-way latency: a duration (always that long) or a distribution (below)");
    }

    public static final Key<LinkSpec, Long> BANDWIDTH = LI.key("bandwidth", Types.BANDWIDTH, LinkSpec::bandwidthBitsPerSecond,
            Default.fromRecord("no cap of the link's own"), "the link's rate cap");
    public static final Key<LinkSpec, Ordering> ORDERING = LI.key("ordering", Types.choiceOf("fifo", Ordering.FIFO, "datagram",
            Ordering.DATAGRAM), LinkSpec::ordering, "per-connection FIFO (TCP) or datagrams");
    public static final Key<LinkSpec, Long> LOSS = LI.key("loss", Types.CHANCE, LinkSpec::lossPpm, "messages lost");
    public static final Key<LinkSpec, Long> DUPLICATE = LI.key("duplicate", Types.CHANCE, LinkSpec::duplicatePpm,
            "messages delivered twice");
    public static final Key<LinkSpec, Long> CORRUPT = LI.key("corrupt", Types.CHANCE, LinkSpec::corruptPpm,
            "messages arriving damaged (the receiver's checksum drops them)");
    public static final Key<LinkSpec, Long> REORDER = LI.key("reorder", Types.CHANCE, LinkSpec::reorderPpm,
            "datagram links only: messages held back by up to `reorder-delay`");
    public static final Key<LinkSpec, Double> REORDER_DELAY = LI.key("reorder-delay", Types.MILLIS, LinkSpec::reorderDelayMs,
            "the most a reordered message is held back");
    public static final Section<LinkSpec> LINK = LI.build();

    private static final Section.Builder<NetworkSpec.LinkOverride> LO = Section.builder("network.links");
    public static final Key<NetworkSpec.LinkOverride, Integer> FROM = LO.key("from", Types.MEMBER_ID, NetworkSpec.LinkOverride::from,
            Default.required("a member id"), "one end of the link");
    public static final Key<NetworkSpec.LinkOverride, Integer> TO = LO.key("to", Types.MEMBER_ID, NetworkSpec.LinkOverride::to,
            Default.required("a member id"), "the other end");
    public static final Key<NetworkSpec.LinkOverride, Boolean> BOTH_WAYS = LO.key("both-ways", Types.BOOLEAN,
            NetworkSpec.LinkOverride::bothWays, Default.of(true), "the link back from `to` to `from` as well");

    static {
        LO.inline("latency, bandwidth, …", LINK, NetworkSpec.LinkOverride::link,
                "any key of a link, each defaulting to the default link's");
    }

    public static final Section<NetworkSpec.LinkOverride> LINK_OVERRIDE = LO.build();

    private static final Section.Builder<NetworkSpec> NW = Section.builder("network");

    static {
        NW.inline("", LINK, NetworkSpec::defaultLink, null);
    }

    public static final Key<NetworkSpec, Long> NIC_BANDWIDTH = NW.key("nic-bandwidth", Types.BANDWIDTH,
            n -> n.options().nicBandwidthBitsPerSecond(), Default.of(NetworkOptions.DEFAULT_NIC_BANDWIDTH_BITS_PER_SECOND),
            "every member's egress NIC rate (`0bit/s`: unlimited)");
    public static final Key<NetworkSpec, ConnectionMap> CONNECTIONS = NW.key("connections", Types.choiceOf("etcd", ConnectionMap.etcd(),
            "single", ConnectionMap.single()), n -> n.options().connections(), Default.of(ConnectionMap.etcd()),
            "etcd's stream/pipeline connections per peer, or one connection");

    static {
        NW.nested("client-link", "mapping of link keys", () -> LINK, NetworkSpec::clientLink, Default.text("as the default link"),
                "the links between clients and members, when they differ (seed 003 adds round trip on the client side only); "
                        + "each key defaults to the default link's");
        NW.custom("regions", "mapping `a/b` → duration", "none", "median RTT between two regions that members are placed in",
                NetworkSchema::printRegions);
        NW.list("links", LINK_OVERRIDE, NetworkSpec::overrides, true, "per-link overrides (below)");
    }

    public static final Section<NetworkSpec> NETWORK = NW.build();

    private NetworkSchema() {
    }

    private static void printRegions(YamlWriter w, NetworkSpec n) {
        if (!n.regionRtts().isEmpty()) {
            w.open("regions");
            n.regionRtts().forEach(r -> w.value(r.regionA() + "/" + r.regionB(), Types.ms(r.rttMs())));
            w.close();
        }
    }
}
