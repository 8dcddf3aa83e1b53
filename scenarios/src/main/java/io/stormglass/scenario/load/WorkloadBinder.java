package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.WorkloadSchema.*;

import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Optional;

/** Binds {@code workload:} (what the clients do) and {@code client:} (how they behave). */
final class WorkloadBinder {
    private WorkloadBinder() {
    }

    static WorkloadSpec workload(MapReader w, int clusterSize) {
        WorkloadSpec.Arrival arrival = arrival(w);
        WorkloadSpec.OpMix mix = mix(w);
        WorkloadSpec.KeySpace keys = keys(w);
        long[] sizes = valueSizes(w);
        WorkloadSpec.ControlPlane controlPlane = controlPlane(w);
        WorkloadSpec.Shape shape = LoadShapeBinder.shape(w, clusterSize, arrival, keys);
        WorkloadSpec.Watchers watchers = w.optionalMap("watchers").map(m -> {
            WorkloadSpec.Watchers read = new WorkloadSpec.Watchers(WATCHER_COUNT.require(m, 1), WATCHER_KEYS.read(m),
                    WATCHER_CONNECTIONS.read(m));
            m.finish();
            return read;
        }).orElse(null);
        WorkloadSpec.Kubernetes kubernetes = w.optionalMap("kubernetes").map(m -> {
            WorkloadSpec.Kubernetes read = new WorkloadSpec.Kubernetes(K8S_NODES.require(m, 1), K8S_PODS.read(m), K8S_APISERVERS.read(m),
                    K8S_LEASE.read(m), K8S_POD_UPDATE.read(m), K8S_EVENTS.read(m), K8S_LIST.read(m), K8S_LIMIT.read(m),
                    K8S_POD_SIZE.read(m), K8S_COMPACTION.read(m));
            m.finish();
            return read;
        }).orElse(null);
        return new WorkloadSpec(arrival, mix, keys, sizes[0], sizes[1], controlPlane, shape, watchers, kubernetes);
    }

    private static WorkloadSpec.Arrival arrival(MapReader w) {
        boolean hasClients = CLIENTS.in(w);
        int clients = CLIENTS.read(w, 1);
        long think = THINK_TIME.read(w);
        if (RATE.in(w)) {
            double rate = RATE.read(w, 0.0);
            if (!(rate > 0)) {
                RATE.problem(w, "must be above 0/s; remove rate for a closed loop");
                return new WorkloadSpec.Arrival.None();
            }
            if (THINK_TIME.in(w)) {
                THINK_TIME.problem(w, "applies to a closed loop (clients without rate); an open loop's requests arrive at the rate");
            }
            return new WorkloadSpec.Arrival.OpenLoop(rate, clients);
        }
        if (!hasClients) {
            if (THINK_TIME.in(w)) {
                THINK_TIME.problem(w, "needs clients: the number of closed-loop clients");
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
        double put = PUT.read(r);
        double get = GET.read(r);
        double serializable = SERIALIZABLE_GET.read(r);
        double delete = DELETE.read(r);
        double txn = TXN.read(r);
        double cas = CAS.read(r);
        double atRevision = RANGE_AT_REVISION.read(r);
        r.finish();
        double sum = put + get + serializable + delete + txn + cas + atRevision;
        if (Math.abs(sum - 1) > 1e-6) {
            w.problem("mix", String.format(Locale.ROOT, "the fractions must sum to 1, got %s (put %s + get %s + serializable-get %s"
                    + " + delete %s + txn %s + cas %s + range-at-revision %s)", num(sum), num(put), num(get), num(serializable),
                    num(delete), num(txn), num(cas), num(atRevision)));
            return DEFAULT_MIX;
        }
        return new WorkloadSpec.OpMix(put, get, serializable, delete, txn, cas, atRevision);
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static WorkloadSpec.KeySpace keys(MapReader w) {
        return w.optionalMap("keys").map(k -> {
            int count = COUNT.read(k);
            String distribution = DISTRIBUTION.read(k);
            double exponent = EXPONENT.read(k);
            if (!distribution.equals("zipf") && EXPONENT.in(k)) {
                EXPONENT.problem(k, "applies to distribution: zipf only");
            }
            k.finish();
            return new WorkloadSpec.KeySpace(count, distribution.equals("zipf") ? exponent : 0, distribution.equals("sequential"));
        }).orElse(new WorkloadSpec.KeySpace(COUNT.defaultValue(), 0));
    }

    /** {@code value-size: 256B} or {@code value-size: {min: 256B, max: 2KiB}}; every form within etcd's request limit. */
    private static long[] valueSizes(MapReader w) {
        if (!(w.nodeOf("value-size") instanceof YamlNode.YamlMap)) {
            long fixed = VALUE_MIN.type().read(w, "value-size", VALUE_MIN.defaultValue());
            return new long[] {fixed, fixed};
        }
        MapReader v = w.optionalMap("value-size").orElseThrow();
        long min = VALUE_MIN.read(v);
        long max = VALUE_MAX.read(v, Math.max(min, VALUE_MIN.defaultValue()));
        if (max < min) {
            VALUE_MAX.problem(v, "must not be below min (" + min + "B)");
            max = min;
        }
        v.finish();
        return new long[] {min, max};
    }

    private static WorkloadSpec.ControlPlane controlPlane(MapReader w) {
        return w.optionalMap("control-plane").map(c -> {
            int candidates = CANDIDATES.read(c);
            long ttl = LEASE_TTL.read(c);
            long keepAlive = KEEPALIVE_INTERVAL.read(c, ttl / 3);
            long check = CHECK_INTERVAL.read(c);
            if (keepAlive >= ttl) {
                KEEPALIVE_INTERVAL.problem(c, "must be shorter than lease-ttl, or the lease expires between renewals");
            }
            c.finish();
            return new WorkloadSpec.ControlPlane(candidates, ttl, keepAlive, check);
        }).orElse(null);
    }

    static ClientSpec client(MapReader c) {
        long request = REQUEST_TIMEOUT.read(c);
        long attempt = ATTEMPT_TIMEOUT.read(c, request);
        if (attempt > request) {
            ATTEMPT_TIMEOUT.problem(c, "must not exceed request-timeout");
        }
        long delay = DELAY.defaultValue();
        RetryPolicy retry = new RetryPolicy.Exponential(delay, delay, FIXED_JITTER.defaultValue());
        int maxRetries = MAX_RETRIES.defaultValue();
        Optional<MapReader> r = c.optionalMap("retry");
        if (r.isPresent()) {
            MapReader m = r.get();
            String policy = m.choice(POLICY.name(), POLICY.words(), "fixed");
            maxRetries = MAX_RETRIES.read(m, policy.equals("none") ? 0 : MAX_RETRIES.defaultValue());
            retry = retry(m, policy, maxRetries);
            m.finish();
        }
        return new ClientSpec(request, attempt, retry, maxRetries, LoadShapeBinder.clientCpu(c));
    }

    /** {@code client.retry}'s policy with its keys. */
    private static RetryPolicy retry(MapReader m, String policy, int maxRetries) {
        double jitter = (policy.equals("fixed") ? FIXED_JITTER : JITTER).read(m);
        return switch (policy) {
            case "none" -> {
                if (maxRetries > 0) {
                    MAX_RETRIES.problem(m, "policy none never retries");
                }
                yield new RetryPolicy.None();
            }
            case "fixed" -> {
                long delay = DELAY.read(m);
                yield jitter > 0 ? new RetryPolicy.Exponential(delay, delay, jitter) : new RetryPolicy.Fixed(delay);
            }
            default -> {
                long base = BASE.read(m);
                long max = MAX.read(m, Math.max(base, MAX.defaultValue()));
                if (max < base) {
                    MAX.problem(m, "must not be below base");
                    max = base;
                }
                long cap = max;
                yield Fields.build(m, BASE.name(), () -> new RetryPolicy.Exponential(base, cap, jitter), new RetryPolicy.None());
            }
        };
    }
}
