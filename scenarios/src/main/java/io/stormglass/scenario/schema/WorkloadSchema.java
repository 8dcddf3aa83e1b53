package io.stormglass.scenario.schema;

import io.stormglass.raft.client.ClientCpu;
import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.model.WorkloadSpec.Arrival;
import io.stormglass.scenario.schema.Variant.Case;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;

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

    /**
     * {@code round-robin}, {@code leader}, {@code follower}, {@code all} or a member id; the binder
     * checks that the member exists, since the cluster's size is not known here.
     */
    private static final ValueType<WorkloadSpec.Endpoints> ENDPOINTS_TYPE = ValueType.of(
            "`round-robin` \\| `leader` \\| `follower` \\| `all` \\| member id", WorkloadSchema::endpoints, WorkloadSchema::endpointsText);

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
    public static final Key<WorkloadSpec.OpMix, Double> RANGE_AT_REVISION = MX.key("range-at-revision", Types.FRACTION,
            WorkloadSpec.OpMix::rangeAtRevision, Default.of(0.0), "linearizable ranges of one key at a past revision (etcd's "
            + "`RangeRequest.revision`), drawn among the last 1 000 before the newest the client has seen; a compacted one "
            + "fails with `etcdserver: mvcc: required revision has been compacted`; `checks.safety` compares each answer with "
            + "the committed history");
    private static final Section<WorkloadSpec.OpMix> MIX = MX.build();

    private static final Section.Builder<WorkloadSpec.KeySpace> KS = Section.builder("workload.keys");
    public static final Key<WorkloadSpec.KeySpace, Integer> COUNT = KS.key("count", Types.ints(1, 100_000_000),
            WorkloadSpec.KeySpace::count, Default.of(1000), "keys in the key space (YCSB's default record count)");
    public static final Key<WorkloadSpec.KeySpace, String> DISTRIBUTION = KS.key("distribution", Types.words("uniform", "zipf",
            "sequential"), k -> k.zipfExponent() > 0 ? "zipf" : k.sequential() ? "sequential" : "uniform", Default.of("uniform"),
            "how a key is chosen (`sequential`: each client walks the keys in order, as etcd's benchmark `--sequential-keys`)");
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

    private static final Section.Builder<WorkloadSpec.Watchers> WA = Section.builder("workload.watchers");
    public static final Key<WorkloadSpec.Watchers, Integer> WATCHER_COUNT = WA.key("count", Types.ints(1, 1_000_000),
            WorkloadSpec.Watchers::count, Default.required("a number of watchers"), "watchers in all");
    public static final Key<WorkloadSpec.Watchers, Integer> WATCHER_KEYS = WA.key("keys-each", Types.ints(1, 100_000_000),
            WorkloadSpec.Watchers::keysEach, Default.of(1), "consecutive keys each watches (a range watch when above 1)");
    public static final Key<WorkloadSpec.Watchers, Integer> WATCHER_CONNECTIONS = WA.key("connections", Types.ints(1, 10_000),
            WorkloadSpec.Watchers::connections, Default.of(3), "client connections they share, spread over the members "
            + "(one watch stream per connection and member, etcd's send buffer of 128 responses each)");
    private static final Section<WorkloadSpec.Watchers> WATCHERS = WA.build();

    private static final Section.Builder<WorkloadSpec.Kubernetes> K8 = Section.builder("workload.kubernetes");
    public static final Key<WorkloadSpec.Kubernetes, Integer> K8S_NODES = K8.key("nodes", Types.ints(1, 100_000),
            WorkloadSpec.Kubernetes::nodes, Default.required("a number of nodes"), "nodes: one kubelet Lease each");
    public static final Key<WorkloadSpec.Kubernetes, Integer> K8S_PODS = K8.key("pods", Types.ints(0, 10_000_000),
            WorkloadSpec.Kubernetes::pods, Default.of(0), "pods: one object each, its status updated in turn");
    public static final Key<WorkloadSpec.Kubernetes, Integer> K8S_APISERVERS = K8.key("apiservers", Types.ints(1, 100),
            WorkloadSpec.Kubernetes::apiservers, Default.of(3), "apiservers: one etcd connection each, each with a watch per resource");
    public static final Key<WorkloadSpec.Kubernetes, Long> K8S_LEASE = K8.key("node-lease-interval", Types.POSITIVE_DURATION,
            WorkloadSpec.Kubernetes::nodeLeaseIntervalNanos, Default.of(10 * S, "kubelet: a quarter of its 40 s lease"),
            "how often each node's Lease is renewed");
    public static final Key<WorkloadSpec.Kubernetes, Long> K8S_POD_UPDATE = K8.key("pod-update-interval", Types.POSITIVE_DURATION,
            WorkloadSpec.Kubernetes::podUpdateIntervalNanos, Default.of(300 * S), "how often each pod's status is written");
    public static final Key<WorkloadSpec.Kubernetes, Double> K8S_EVENTS = K8.key("event-rate", Types.RATE,
            WorkloadSpec.Kubernetes::eventsPerSecond, Default.of(20.0), "Event objects created per second");
    public static final Key<WorkloadSpec.Kubernetes, Long> K8S_LIST = K8.key("list-interval", Types.POSITIVE_DURATION,
            WorkloadSpec.Kubernetes::listIntervalNanos, Default.of(60 * S), "how often a controller lists every pod");
    public static final Key<WorkloadSpec.Kubernetes, Integer> K8S_LIMIT = K8.key("list-limit", Types.ints(1, 100_000),
            WorkloadSpec.Kubernetes::listLimit, Default.of(500, "client-go's pager"), "keys per page of a list");
    public static final Key<WorkloadSpec.Kubernetes, Long> K8S_POD_SIZE = K8.key("pod-size", REQUEST_SIZE,
            WorkloadSpec.Kubernetes::podBytes, Default.of(4096L), "bytes of a pod object (a Lease is 300 B, an Event 600 B)");
    public static final Key<WorkloadSpec.Kubernetes, Long> K8S_COMPACTION = K8.key("compaction-interval", Types.POSITIVE_DURATION,
            WorkloadSpec.Kubernetes::compactionIntervalNanos, Default.of(300 * S, "--etcd-compaction-interval"),
            "how often an apiserver compacts at the revision it saw one interval before");
    private static final Section<WorkloadSpec.Kubernetes> KUBERNETES = K8.build();

    private static final Section.Builder<WorkloadSpec> WL = Section.builder("workload");
    public static final Key<WorkloadSpec, Double> RATE = WL.key("rate", Types.RATE,
            w -> w.arrival() instanceof Arrival.OpenLoop o ? o.ratePerSecond() : null, Default.text("none"),
            "open loop: Poisson arrivals at this rate, over `clients` connections (default 1); above 0");
    public static final Key<WorkloadSpec, Integer> CLIENTS = WL.key("clients", Types.ints(1, 100_000), WorkloadSchema::clients,
            Default.text("none"), "closed loop: this many clients, each sending its next request when the last one ends");
    public static final Key<WorkloadSpec, Long> THINK_TIME = WL.key("think-time", Types.DURATION,
            w -> w.arrival() instanceof Arrival.ClosedLoop c ? c.thinkNanos() : null, Default.of(0L),
            "closed loop: pause between a reply and the next request");

    /** Largest count of connections, keys to preload or requests accepted. */
    public static final int MAX_COUNT = 100_000_000;
    public static final Key<WorkloadSpec, Integer> CONNECTIONS = WL.key("connections", Types.ints(1, 100_000),
            w -> w.shape().connections() > 0 ? w.shape().connections() : null, Default.text("one per client"),
            "closed loop: connections the clients share round robin (etcd benchmark's `--conns`); at most `clients`");
    public static final Key<WorkloadSpec, WorkloadSpec.Endpoints> ENDPOINTS = WL.key("endpoints", ENDPOINTS_TYPE,
            w -> w.shape().endpoints(), Default.of(new WorkloadSpec.Endpoints.RoundRobin()),
            "where requests go: `round-robin` over the members, `leader`, `follower`, `all` (each client its own member), or a member id");
    public static final Key<WorkloadSpec, Long> AUTO_SYNC_INTERVAL = WL.key("auto-sync-interval", Types.DURATION,
            w -> w.shape().autoSyncIntervalNanos() > 0 ? w.shape().autoSyncIntervalNanos() : null,
            Default.of(0L, "clientv3's `AutoSyncInterval`: off"),
            "each connection replaces its endpoints with the cluster's voters this often (clientv3's auto-sync: a linearizable "
                    + "member list), so it follows member changes; `0s`: it keeps the members it started with");
    public static final Key<WorkloadSpec, Long> KEY_SIZE = WL.key("key-size", Types.SIZE,
            w -> w.shape().keySizeBytes() > 0 ? (long) w.shape().keySizeBytes() : null, Default.text("`key-000042`"),
            "bytes per key, zero-padded key numbers (etcd benchmark's `--key-size`); at most 1KiB");
    public static final Key<WorkloadSpec, Integer> PRELOAD = WL.key("preload", Types.ints(0, MAX_COUNT),
            w -> w.shape().preloadKeys() > 0 ? w.shape().preloadKeys() : null, Default.of(0),
            "keys written once before the load starts, kept out of metrics and history; at most `keys.count`");
    public static final Key<WorkloadSpec, Long> REQUESTS = WL.key("requests", Types.longs(1, MAX_COUNT),
            w -> w.shape().totalRequests() > 0 ? w.shape().totalRequests() : null, Default.text("until the run ends"),
            "closed loop: requests in all (etcd benchmark's `--total`), then the clients stop");
    public static final Key<WorkloadSpec, Integer> READERS = WL.key("readers", Types.ints(0, 100_000),
            w -> w.shape().readers() > 0 ? w.shape().readers() : null, Default.of(0),
            "closed loop: the first this many clients issue only linearizable gets, whatever the `mix` (readers that keep "
            + "talking to their member while writers wait on theirs, as Jepsen's per-node clients); at most `clients`");

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
        WL.nested("kubernetes", "mapping", () -> KUBERNETES, WorkloadSpec::kubernetes, Default.text("none"),
                "a Kubernetes control plane's traffic: node leases, pod status updates, events, paginated lists, watches (below)");
        WL.nested("watchers", "mapping", () -> WATCHERS, WorkloadSpec::watchers, Default.text("none"),
                "watchers of the key space that re-watch when their member dies and re-list when compacted away (below)");
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

    private static final ClientCpu CLIENT_CPU = ClientCpu.none();
    private static final Section.Builder<ClientCpu> CC = Section.builder("client.cpu");
    public static final Key<ClientCpu, Long> CLIENT_GRPC_REQUEST = CC.key("grpc-request", Types.DURATION, ClientCpu::grpcRequestNanos,
            Default.of(CLIENT_CPU.grpcRequestNanos()), "gRPC client: per call");
    public static final Key<ClientCpu, Long> CLIENT_GRPC_PER_KIB = CC.key("grpc-per-kib", Types.DURATION, ClientCpu::grpcKiBNanos,
            Default.of(CLIENT_CPU.grpcKiBNanos()), "gRPC client: per KiB of request and reply");
    public static final Key<ClientCpu, Long> PACE_TIMER = CC.key("pace-timer", Types.DURATION, ClientCpu::paceTimerNanos,
            Default.of(0L), "the load tool's rate-limiter timer per call, on one timer goroutine; `0s`: calls are not paced");
    private static final Section<ClientCpu> CLIENT_CPU_SECTION = CC.build();

    private static final Section.Builder<ClientSpec> CL = Section.builder("client");
    public static final Key<ClientSpec, Long> REQUEST_TIMEOUT = CL.key("request-timeout", Types.POSITIVE_DURATION,
            ClientSpec::requestTimeoutNanos, Default.of(5 * S, "etcdctl's `--command-timeout`"), "deadline of a call, retries included");
    public static final Key<ClientSpec, Long> ATTEMPT_TIMEOUT = CL.key("attempt-timeout", Types.POSITIVE_DURATION,
            ClientSpec::attemptTimeoutNanos, Default.text("`request-timeout`"),
            "an unanswered attempt moves on to the next endpoint after this; at most `request-timeout`");

    public static final Key<ClientSpec, Integer> CLIENT_CPUS = CL.key("cpus", Types.ints(0, ClusterSchema.MAX_CPUS),
            c -> c.cpu().modelled() ? c.cpu().cores().cpus() : 0, Default.of(0),
            "vCPUs of the load generator's machine; `0`: the clients cost no CPU");
    public static final Key<ClientSpec, Integer> CLIENT_THREADS_PER_CORE = CL.key("threads-per-core", Types.ints(1, 2),
            c -> c.cpu().modelled() ? c.cpu().cores().threadsPerCore() : null, Default.text("`2`"),
            "hyper-threads per core of that machine; needs `cpus`");

    static {
        CL.nested("retry", "mapping", () -> RETRY, c -> c, Default.text("clientv3's: `fixed` with each key's default"),
                "the retry policy (below)");
        CL.nested("cpu", "mapping", () -> CLIENT_CPU_SECTION, c -> c.cpu().modelled() ? c.cpu() : null, Default.text("none"),
                "CPU per call on the load generator (below); needs `cpus`");
    }

    public static final Section<ClientSpec> CLIENT = CL.build();

    private WorkloadSchema() {
    }

    private static WorkloadSpec.Endpoints endpoints(MapReader r, String key, WorkloadSpec.Endpoints dflt) {
        if (!r.has(key)) {
            return dflt;
        }
        YamlNode node = r.nodeOf(key);
        String text = node instanceof YamlNode.YamlScalar s ? s.text() : "";
        return switch (text) {
            case "round-robin" -> new WorkloadSpec.Endpoints.RoundRobin();
            case "leader" -> new WorkloadSpec.Endpoints.Leader();
            case "follower" -> new WorkloadSpec.Endpoints.Follower();
            case "all" -> new WorkloadSpec.Endpoints.All();
            default -> {
                if (text.matches("[0-9]{1,9}")) {
                    yield new WorkloadSpec.Endpoints.Fixed(Integer.parseInt(text));
                }
                r.problems().add(node.location(), r.keyPath(key), "expected round-robin, leader, follower, all or a member id, got "
                        + (node instanceof YamlNode.YamlScalar ? Quote.of(text) : node.describe()));
                yield dflt;
            }
        };
    }

    private static String endpointsText(WorkloadSpec.Endpoints e) {
        if (e instanceof WorkloadSpec.Endpoints.Fixed f) {
            return String.valueOf(f.member());
        }
        return e instanceof WorkloadSpec.Endpoints.Leader ? "leader" : e instanceof WorkloadSpec.Endpoints.Follower ? "follower"
                : e instanceof WorkloadSpec.Endpoints.All ? "all" : "round-robin";
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
