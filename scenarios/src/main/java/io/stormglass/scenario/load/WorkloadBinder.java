package io.stormglass.scenario.load;

import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.units.Units;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

/** Binds {@code workload:} (what the clients do) and {@code client:} (how they behave). */
final class WorkloadBinder {
    static final long MS = 1_000_000L;
    static final long S = 1_000_000_000L;
    /** YCSB workload A's mix (50 % reads, 50 % updates) when no {@code mix:} is given. */
    static final WorkloadSpec.OpMix DEFAULT_MIX = new WorkloadSpec.OpMix(0.5, 0.5, 0, 0, 0);
    /** YCSB's default record count. */
    static final int DEFAULT_KEY_COUNT = 1000;
    /** The Zipf constant of YCSB's zipfian generator. */
    static final double DEFAULT_ZIPF_EXPONENT = 0.99;
    /** etcd's performance documentation benchmarks 256-byte values. */
    static final long DEFAULT_VALUE_BYTES = 256;
    /**
     * etcd's limit on one request, which a value must fit in: "By default, the maximum size of any
     * request is 1.5 MiB. This limit is configurable through --max-request-bytes flag for etcd
     * server" (etcd docs, "System limits", https://etcd.io/docs/v3.5/dev-guide/limit/); the flag's
     * default is 1572864 bytes (https://etcd.io/docs/v3.5/op-guide/configuration/).
     */
    static final long MAX_REQUEST_BYTES = 1_572_864;
    /** clientv3's concurrency.NewSession default TTL. */
    static final long DEFAULT_LEASE_TTL_NANOS = 60 * S;
    /** Kubernetes leader election's retry period: how often a non-leader checks the lock. */
    static final long DEFAULT_CHECK_INTERVAL_NANOS = 2 * S;
    /** etcdctl's --command-timeout. */
    static final long DEFAULT_REQUEST_TIMEOUT_NANOS = 5 * S;
    /** clientv3's retry interceptor: 25 ms between attempts with 10 % jitter, up to 100 retries. */
    static final long CLIENTV3_BACKOFF_NANOS = 25 * MS;
    static final double CLIENTV3_JITTER = 0.10;
    static final int CLIENTV3_MAX_RETRIES = 100;
    /** gRPC's connection-backoff jitter, the default for an exponential policy. */
    static final double GRPC_BACKOFF_JITTER = 0.2;

    private WorkloadBinder() {
    }

    static WorkloadSpec workload(MapReader w, int clusterSize) {
        WorkloadSpec.Arrival arrival = arrival(w);
        WorkloadSpec.OpMix mix = mix(w);
        WorkloadSpec.KeySpace keys = keys(w);
        long[] sizes = valueSizes(w);
        WorkloadSpec.ControlPlane controlPlane = controlPlane(w);
        WorkloadSpec.Shape shape = LoadShapeBinder.shape(w, clusterSize, arrival, keys);
        return new WorkloadSpec(arrival, mix, keys, sizes[0], sizes[1], controlPlane, shape);
    }

    private static WorkloadSpec.Arrival arrival(MapReader w) {
        boolean hasClients = w.has("clients");
        int clients = (int) w.integer("clients", 1, 1, 100_000);
        long think = w.durationNanos("think-time", 0);
        if (w.has("rate")) {
            double rate = w.ratePerSecond("rate", 0);
            if (!(rate > 0)) {
                w.problem("rate", "must be above 0/s; remove rate for a closed loop");
                return new WorkloadSpec.Arrival.None();
            }
            if (w.has("think-time")) {
                w.problem("think-time", "applies to a closed loop (clients without rate); an open loop's requests arrive at the rate");
            }
            return new WorkloadSpec.Arrival.OpenLoop(rate, clients);
        }
        if (!hasClients) {
            if (w.has("think-time")) {
                w.problem("think-time", "needs clients: the number of closed-loop clients");
            }
            return new WorkloadSpec.Arrival.None();
        }
        return new WorkloadSpec.Arrival.ClosedLoop(clients, think);
    }

    private static WorkloadSpec.OpMix mix(MapReader w) {
        Optional<MapReader> m = w.optionalMap("mix");
        if (m.isEmpty()) {
            return DEFAULT_MIX;
        }
        MapReader r = m.get();
        double put = r.fraction("put", 0);
        double get = r.fraction("get", 0);
        double serializable = r.fraction("serializable-get", 0);
        double delete = r.fraction("delete", 0);
        double txn = r.fraction("txn", 0);
        double cas = r.fraction("cas", 0);
        r.finish();
        double sum = put + get + serializable + delete + txn + cas;
        if (Math.abs(sum - 1) > 1e-6) {
            w.problem("mix", String.format(Locale.ROOT, "the fractions must sum to 1, got %s (put %s + get %s + serializable-get %s"
                    + " + delete %s + txn %s + cas %s)", num(sum), num(put), num(get), num(serializable), num(delete), num(txn),
                    num(cas)));
            return DEFAULT_MIX;
        }
        return new WorkloadSpec.OpMix(put, get, serializable, delete, txn, cas);
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static WorkloadSpec.KeySpace keys(MapReader w) {
        return w.optionalMap("keys").map(k -> {
            int count = (int) k.integer("count", DEFAULT_KEY_COUNT, 1, 100_000_000);
            String distribution = k.choice("distribution", Fields.words("uniform", "zipf", "sequential"), "uniform");
            double exponent = k.number("exponent", DEFAULT_ZIPF_EXPONENT, 0.01, 10);
            if (!distribution.equals("zipf") && k.has("exponent")) {
                k.problem("exponent", "applies to distribution: zipf only");
            }
            k.finish();
            return new WorkloadSpec.KeySpace(count, distribution.equals("zipf") ? exponent : 0, distribution.equals("sequential"));
        }).orElse(new WorkloadSpec.KeySpace(DEFAULT_KEY_COUNT, 0));
    }

    /** {@code value-size: 256B} or {@code value-size: {min: 256B, max: 2KiB}}; every form within {@link #MAX_REQUEST_BYTES}. */
    private static long[] valueSizes(MapReader w) {
        if (!(w.nodeOf("value-size") instanceof YamlNode.YamlMap)) {
            long fixed = requestSize(w, "value-size", DEFAULT_VALUE_BYTES);
            return new long[] {fixed, fixed};
        }
        MapReader v = w.optionalMap("value-size").orElseThrow();
        long min = requestSize(v, "min", DEFAULT_VALUE_BYTES);
        long max = requestSize(v, "max", Math.max(min, DEFAULT_VALUE_BYTES));
        if (max < min) {
            v.problem("max", "must not be below min (" + min + "B)");
            max = min;
        }
        v.finish();
        return new long[] {min, max};
    }

    /** A size that a request carries: at most etcd's request limit. */
    private static long requestSize(MapReader m, String key, long defaultBytes) {
        long bytes = m.sizeBytes(key, defaultBytes);
        if (bytes > MAX_REQUEST_BYTES) {
            m.problem(key, "must be at most 1.5MiB (etcd refuses larger requests: --max-request-bytes defaults to 1572864), got "
                    + Units.formatSize(bytes));
            return defaultBytes;
        }
        return bytes;
    }

    private static WorkloadSpec.ControlPlane controlPlane(MapReader w) {
        return w.optionalMap("control-plane").map(c -> {
            int candidates = (int) c.integer("candidates", 3, 1, 1000);
            long ttl = Fields.positiveNanos(c, "lease-ttl", DEFAULT_LEASE_TTL_NANOS);
            long keepAlive = Fields.positiveNanos(c, "keepalive-interval", ttl / 3);
            long check = Fields.positiveNanos(c, "check-interval", DEFAULT_CHECK_INTERVAL_NANOS);
            if (keepAlive >= ttl) {
                c.problem("keepalive-interval", "must be shorter than lease-ttl, or the lease expires between renewals");
            }
            c.finish();
            return new WorkloadSpec.ControlPlane(candidates, ttl, keepAlive, check);
        }).orElse(null);
    }

    static ClientSpec client(MapReader c) {
        long request = Fields.positiveNanos(c, "request-timeout", DEFAULT_REQUEST_TIMEOUT_NANOS);
        long attempt = Fields.positiveNanos(c, "attempt-timeout", request);
        if (attempt > request) {
            c.problem("attempt-timeout", "must not exceed request-timeout");
        }
        RetryPolicy retry = new RetryPolicy.Exponential(CLIENTV3_BACKOFF_NANOS, CLIENTV3_BACKOFF_NANOS, CLIENTV3_JITTER);
        int maxRetries = CLIENTV3_MAX_RETRIES;
        Optional<MapReader> r = c.optionalMap("retry");
        if (r.isPresent()) {
            MapReader m = r.get();
            String policy = m.choice("policy", Fields.words("none", "fixed", "exponential"), "fixed");
            maxRetries = (int) m.integer("max-retries", policy.equals("none") ? 0 : CLIENTV3_MAX_RETRIES, 0, 1_000_000);
            double jitter = m.fraction("jitter", policy.equals("fixed") ? CLIENTV3_JITTER : GRPC_BACKOFF_JITTER);
            retry = switch (policy) {
                case "none" -> {
                    if (maxRetries > 0) {
                        m.problem("max-retries", "policy none never retries");
                    }
                    yield new RetryPolicy.None();
                }
                case "fixed" -> {
                    long delay = Fields.positiveNanos(m, "delay", CLIENTV3_BACKOFF_NANOS);
                    yield jitter > 0 ? new RetryPolicy.Exponential(delay, delay, jitter) : new RetryPolicy.Fixed(delay);
                }
                default -> {
                    long base = Fields.positiveNanos(m, "base", 100 * MS);
                    long max = Fields.positiveNanos(m, "max", Math.max(base, 2 * S));
                    if (max < base) {
                        m.problem("max", "must not be below base");
                        max = base;
                    }
                    long cap = max;
                    yield Fields.build(m, "base", () -> new RetryPolicy.Exponential(base, cap, jitter), new RetryPolicy.None());
                }
            };
            m.finish();
        }
        return new ClientSpec(request, attempt, retry, maxRetries, LoadShapeBinder.clientCpu(c));
    }
}
