package io.stormglass.scenario.schema;

import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.model.WorkloadSpec.Arrival;
import io.stormglass.scenario.schema.Variant.Case;
import io.stormglass.scenario.units.Units;

/** {@code workload:} (what the clients do) and {@code client:} (how they behave). */
public final class WorkloadSchema {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    /** YCSB workload A's mix (50 % reads, 50 % updates) when no {@code mix:} is given. */
    public static final WorkloadSpec.OpMix DEFAULT_MIX = new WorkloadSpec.OpMix(0.5, 0.5, 0, 0, 0);
    /**
     * etcd's limit on one request, which a value must fit in: "By default, the maximum size of any
     * request is 1.5 MiB. This limit is configurable through --max-request-bytes flag for etcd
     * server" (etcd docs, "System limits", https://etcd.io/docs/v3.5/dev-guide/limit/); the flag's
     * default is 1572864 bytes (https://etcd.io/docs/v3.5/op-guide/configuration/).
     */
    public static final long MAX_REQUEST_BYTES = 1_572_864;
    /** etcd's performance documentation benchmarks 256-byte values. */
    private static final long DEFAULT_VALUE_BYTES = 256;
    private static final ValueType<Long> REQUEST_SIZE = Types.SIZE.check(v -> v <= MAX_REQUEST_BYTES,
            v -> "must be at most 1.5MiB (etcd refuses larger requests: --max-request-bytes defaults to 1572864), got "
                    + Units.formatSize(v), "size ≤ 1.5MiB");

    private static final Section.Builder<WorkloadSpec.OpMix> MX = Section.builder("workload.mix");
    public static final Key<WorkloadSpec.OpMix, Double> PUT = MX.key("put", Types.FRACTION, WorkloadSpec.OpMix::put, Default.of(0.0),
            "puts");
    public static final Key<WorkloadSpec.OpMix, Double> GET = MX.key("get", Types.FRACTION, WorkloadSpec.OpMix::getLinearizable,
            Default.of(0.0), "linearizable gets");
    public static final Key<WorkloadSpec.OpMix, Double> SERIALIZABLE_GET = MX.key("serializable-get", Types.FRACTION,
            WorkloadSpec.OpMix::getSerializable, Default.of(0.0), "serializable gets (served by any member)");
    public static final Key<WorkloadSpec.OpMix, Double> DELETE = MX.key("delete", Types.FRACTION, WorkloadSpec.OpMix::delete,
            Default.of(0.0), "deletes");
    public static final Key<WorkloadSpec.OpMix, Double> TXN = MX.key("txn", Types.FRACTION, WorkloadSpec.OpMix::txn, Default.of(0.0),
            "etcd's version-guarded transactions");
    public static final Key<WorkloadSpec.OpMix, Double> CAS = MX.key("cas", Types.FRACTION, WorkloadSpec.OpMix::cas, Default.of(0.0),
            "compare-and-set: replace the value the client last read or wrote at the key (a put when it has seen none)");
    private static final Section<WorkloadSpec.OpMix> MIX = MX.build();

    private static final Section.Builder<WorkloadSpec.KeySpace> KS = Section.builder("workload.keys");
    public static final Key<WorkloadSpec.KeySpace, Integer> COUNT = KS.key("count", Types.ints(1, 100_000_000),
            WorkloadSpec.KeySpace::count, Default.of(1000), "keys in the key space (YCSB's default record count)");
    public static final Key<WorkloadSpec.KeySpace, String> DISTRIBUTION = KS.key("distribution", Types.words("uniform", "zipf"),
            k -> k.zipfExponent() > 0 ? "zipf" : "uniform", Default.of("uniform"), "how a key is chosen");
    public static final Key<WorkloadSpec.KeySpace, Double> EXPONENT = KS.key("exponent", Types.number(0.01, 10),
            k -> k.zipfExponent() > 0 ? k.zipfExponent() : null, Default.of(0.99), "zipf only: the Zipf constant (YCSB's)");
    private static final Section<WorkloadSpec.KeySpace> KEYS = KS.build();

    private static final Section.Builder<WorkloadSpec> VS = Section.builder("workload.value-size");
    public static final Key<WorkloadSpec, Long> VALUE_MIN = VS.key("min", REQUEST_SIZE, WorkloadSpec::valueMinBytes,
            Default.of(DEFAULT_VALUE_BYTES), "smallest value");
    public static final Key<WorkloadSpec, Long> VALUE_MAX = VS.key("max", REQUEST_SIZE, WorkloadSpec::valueMaxBytes,
            Default.text("`min`, or `" + Units.formatSize(DEFAULT_VALUE_BYTES) + "` if larger"), "largest value, at least `min`");
    private static final Section<WorkloadSpec> VALUE_SIZE = VS.build();

    private static final Section.Builder<WorkloadSpec.ControlPlane> CP = Section.builder("workload.control-plane");
    public static final Key<WorkloadSpec.ControlPlane, Integer> CANDIDATES = CP.key("candidates", Types.ints(1, 1000),
            WorkloadSpec.ControlPlane::candidates, Default.of(3), "instances of the control service");
    public static final Key<WorkloadSpec.ControlPlane, Long> LEASE_TTL = CP.key("lease-ttl", Types.POSITIVE_DURATION,
            WorkloadSpec.ControlPlane::leaseTtlNanos, Default.of(60 * S, "clientv3's session default"), "the leader's lease");
    public static final Key<WorkloadSpec.ControlPlane, Long> KEEPALIVE_INTERVAL = CP.key("keepalive-interval", Types.POSITIVE_DURATION,
            WorkloadSpec.ControlPlane::keepAliveIntervalNanos, Default.text("`lease-ttl` / 3, as clientv3"),
            "how often the holder renews; shorter than `lease-ttl`");
    public static final Key<WorkloadSpec.ControlPlane, Long> CHECK_INTERVAL = CP.key("check-interval", Types.POSITIVE_DURATION,
            WorkloadSpec.ControlPlane::checkIntervalNanos, Default.of(2 * S, "Kubernetes leader election's retry period"),
            "how often a non-leader reads the election key");
    private static final Section<WorkloadSpec.ControlPlane> CONTROL_PLANE = CP.build();

    private static final Section.Builder<WorkloadSpec> WL = Section.builder("workload");
    public static final Key<WorkloadSpec, Double> RATE = WL.key("rate", Types.RATE,
            w -> w.arrival() instanceof Arrival.OpenLoop o ? o.ratePerSecond() : null, Default.text("none"),
            "open loop: Poisson arrivals at this rate, over `clients` connections (default 1); above 0");
    public static final Key<WorkloadSpec, Integer> CLIENTS = WL.key("clients", Types.ints(1, 100_000), WorkloadSchema::clients,
            Default.text("none"), "closed loop: this many clients, each sending its next request when the last one ends");
    public static final Key<WorkloadSpec, Long> THINK_TIME = WL.key("think-time", Types.DURATION,
            w -> w.arrival() instanceof Arrival.ClosedLoop c ? c.thinkNanos() : null, Default.of(0L),
            "closed loop: pause between a reply and the next request");

    static {
        WL.printOnly((w, s) -> {
            if (s.arrival() instanceof Arrival.None) {
                w.comment("no generic load (neither clients nor rate)");
            }
        });
        WL.nested("mix", "mapping of fractions", () -> MIX, WorkloadSpec::mix, Default.of(DEFAULT_MIX),
                "fractions of each operation (below); unnamed operations are 0; they must sum to 1");
        WL.nested("keys", "mapping", () -> KEYS, WorkloadSpec::keys, Default.text("each key's default"), "the key space (below)");
        WL.nested("value-size", "size, or `{min, max}`", () -> VALUE_SIZE, w -> w, Default.text("`" + Units.formatSize(
                DEFAULT_VALUE_BYTES) + "` (etcd's benchmark value)"), "values written, uniform in [min, max]; every one distinct");
        WL.nested("control-plane", "mapping", () -> CONTROL_PLANE, WorkloadSpec::controlPlane, Default.text("none"),
                "seed 001's control service electing its leader through etcd (below)");
    }

    public static final Section<WorkloadSpec> WORKLOAD = WL.build();

    private static final Section.Builder<RetryPolicy> FX = Section.builder("client.retry.fixed");
    public static final Key<RetryPolicy, Long> DELAY = FX.key("delay", Types.POSITIVE_DURATION, p -> exponential(p).baseNanos(),
            Default.of(25 * MS, "clientv3's retry interceptor"), "pause between attempts");
    public static final Key<RetryPolicy, Double> FIXED_JITTER = FX.key("jitter", Types.FRACTION, p -> exponential(p).jitterFraction(),
            Default.of(0.1), "up to this fraction of the pause added at random");
    private static final Section.Builder<RetryPolicy> EX = Section.builder("client.retry.exponential");
    public static final Key<RetryPolicy, Long> BASE = EX.key("base", Types.POSITIVE_DURATION, p -> exponential(p).baseNanos(),
            Default.of(100 * MS), "first pause, doubled after each attempt");
    public static final Key<RetryPolicy, Long> MAX = EX.key("max", Types.POSITIVE_DURATION, p -> exponential(p).maxNanos(),
            Default.of(2 * S, "or `base` if longer"), "longest pause");
    public static final Key<RetryPolicy, Double> JITTER = EX.key("jitter", Types.FRACTION, p -> exponential(p).jitterFraction(),
            Default.of(0.2, "gRPC's backoff"), "up to this fraction of the pause added at random");

    private static final Section.Builder<ClientSpec> RT = Section.builder("client.retry");
    public static final Variant<ClientSpec, RetryPolicy> POLICY = RT.variant("client.retry.policies", "policy", ClientSpec::retry,
            Default.of("fixed"), "how long to wait before retrying", new Case<>("none", p -> p instanceof RetryPolicy.None ? p : null,
            Section.<RetryPolicy>builder("client.retry.none").build()), new Case<>("fixed", p -> isFixed(p) ? p : null, FX.build()),
            new Case<>("exponential", p -> isFixed(p) || p instanceof RetryPolicy.None ? null : p, EX.build()));
    public static final Key<ClientSpec, Integer> MAX_RETRIES = RT.key("max-retries", Types.ints(0, 1_000_000), ClientSpec::maxRetries,
            Default.of(100, "`0` for `none`"), "retries per call");
    private static final Section<ClientSpec> RETRY = RT.build();

    private static final Section.Builder<ClientSpec> CL = Section.builder("client");
    public static final Key<ClientSpec, Long> REQUEST_TIMEOUT = CL.key("request-timeout", Types.POSITIVE_DURATION,
            ClientSpec::requestTimeoutNanos, Default.of(5 * S, "etcdctl's `--command-timeout`"), "deadline of a call, retries included");
    public static final Key<ClientSpec, Long> ATTEMPT_TIMEOUT = CL.key("attempt-timeout", Types.POSITIVE_DURATION,
            ClientSpec::attemptTimeoutNanos, Default.text("`request-timeout`"),
            "an unanswered attempt moves on to the next endpoint after this; at most `request-timeout`");

    static {
        CL.nested("retry", "mapping", () -> RETRY, c -> c, Default.text("clientv3's: `fixed` with each key's default"),
                "the retry policy (below)");
    }

    public static final Section<ClientSpec> CLIENT = CL.build();

    private WorkloadSchema() {
    }

    private static Integer clients(WorkloadSpec w) {
        if (w.arrival() instanceof Arrival.ClosedLoop c) {
            return c.clients();
        }
        return w.arrival() instanceof Arrival.OpenLoop o ? o.clients() : null;
    }

    /** A fixed delay: {@code Fixed}, or an exponential policy whose base is its maximum (a fixed delay with jitter). */
    private static boolean isFixed(RetryPolicy p) {
        return p instanceof RetryPolicy.Fixed || p instanceof RetryPolicy.Exponential e && e.baseNanos() == e.maxNanos();
    }

    /** The policy as an exponential one ({@code Fixed} is one without jitter). */
    private static RetryPolicy.Exponential exponential(RetryPolicy p) {
        return p instanceof RetryPolicy.Fixed f ? new RetryPolicy.Exponential(f.delayNanos(), f.delayNanos(), 0)
                : (RetryPolicy.Exponential) p;
    }
}
