package io.stormglass.scenario.model;

/**
 * What the clients do.
 *
 * @param arrival       closed-loop clients or open-loop arrivals
 * @param mix           fractions of each operation (sum 1)
 * @param keys          the key space and how keys are chosen
 * @param valueMinBytes smallest value written
 * @param valueMaxBytes largest value written (uniform in between)
 * @param controlPlane  a control service electing its leader through etcd, as in seed 001; null for none
 * @param shape         connections, endpoints, key size, load phase and request count
 * @param watchers      watchers of the key space, as Kubernetes apiservers keep them; null for none
 * @param kubernetes    a Kubernetes control plane's traffic to etcd; null for none
 */
public record WorkloadSpec(Arrival arrival, OpMix mix, KeySpace keys, long valueMinBytes, long valueMaxBytes,
        ControlPlane controlPlane, Shape shape, Watchers watchers, Kubernetes kubernetes) {

    /** A workload without watchers or Kubernetes traffic. */
    public WorkloadSpec(Arrival arrival, OpMix mix, KeySpace keys, long valueMinBytes, long valueMaxBytes,
            ControlPlane controlPlane, Shape shape) {
        this(arrival, mix, keys, valueMinBytes, valueMaxBytes, controlPlane, shape, null, null);
    }

    /** A workload of the default {@link Shape}. */
    public WorkloadSpec(Arrival arrival, OpMix mix, KeySpace keys, long valueMinBytes, long valueMaxBytes,
            ControlPlane controlPlane) {
        this(arrival, mix, keys, valueMinBytes, valueMaxBytes, controlPlane, Shape.DEFAULT);
    }

    /** This workload with {@code value} as its shape. */
    public WorkloadSpec withShape(Shape value) {
        return new WorkloadSpec(arrival, mix, keys, valueMinBytes, valueMaxBytes, controlPlane, value, watchers, kubernetes);
    }

    /**
     * How the load reaches the cluster, as etcd's {@code benchmark} tool shapes it.
     *
     * @param connections   client connections (clientv3 {@code Client}s, one HTTP/2 connection each); closed-loop
     *                      clients share them round robin, client {@code i} on connection {@code i mod connections}
     *                      (the tool's {@code --conns} and {@code --clients}); 0: one per client (open loop: the
     *                      arrival's {@code clients})
     * @param endpoints     which member each connection talks to
     * @param keySizeBytes  every key exactly this long (the tool's {@code --key-size}); 0: {@code key-000042}
     * @param preloadKeys   before the load, write keys {@code 0 .. preloadKeys-1} once each (not measured); reads then
     *                      choose among them, so every read finds its key
     * @param totalRequests stop after this many requests (the tool's {@code --total}); 0: until the run ends
     * @param readers       closed loop: clients {@code 0 .. readers-1} issue only linearizable gets, whatever the mix
     *                      (a reader that keeps talking to its member while the writers wait on theirs); 0: none
     * @param autoSyncIntervalNanos how often each connection replaces its endpoints with the cluster's voters, as
     *                      clientv3 does with {@code Config.AutoSyncInterval} ("the interval to update endpoints with its
     *                      latest members. 0 disables auto-sync. By default auto-sync is disabled.", client/v3/config.go);
     *                      0, clientv3's default: the connections keep the members they started with, as
     *                      kube-apiserver keeps its {@code --etcd-servers} (its clientv3 config sets no interval,
     *                      k8s.io/apiserver storagebackend/factory/etcd3.go)
     */
    public record Shape(int connections, Endpoints endpoints, int keySizeBytes, int preloadKeys, long totalRequests, int readers,
            long autoSyncIntervalNanos) {
        public static final Shape DEFAULT = new Shape(0, new Endpoints.RoundRobin(), 0, 0, 0, 0, 0);

        public Shape {
            if (connections < 0 || keySizeBytes < 0 || preloadKeys < 0 || totalRequests < 0 || readers < 0 || autoSyncIntervalNanos < 0) {
                throw new IllegalArgumentException("a workload shape has no negative counts: " + this);
            }
        }

        /** A shape without readers, whose connections never sync their endpoints (clientv3's default). */
        public Shape(int connections, Endpoints endpoints, int keySizeBytes, int preloadKeys, long totalRequests) {
            this(connections, endpoints, keySizeBytes, preloadKeys, totalRequests, 0, 0);
        }
    }

    /** Which member each connection talks to first (the others remain its fall-backs, in order). */
    public sealed interface Endpoints {
        /** Connection {@code i} to member {@code i mod size + 1} (etcd 3.2's benchmark with several {@code --endpoints}). */
        record RoundRobin() implements Endpoints {
        }

        /** Every connection to the member that leads when the load starts (the tool's {@code --target-leader}). */
        record Leader() implements Endpoints {
        }

        /** Every connection to the first member that is not the leader when the load starts. */
        record Follower() implements Endpoints {
        }

        /** Every connection spreads its calls over all members in turn (clientv3's round-robin balancer, etcd 3.4+). */
        record All() implements Endpoints {
        }

        /** Every connection to one member. */
        record Fixed(int member) implements Endpoints {
        }
    }

    /** How requests arrive. */
    public sealed interface Arrival {
        /** {@code clients} clients, each issuing its next request {@code thinkNanos} after the previous one ends. */
        record ClosedLoop(int clients, long thinkNanos) implements Arrival {
        }

        /** Poisson arrivals at {@code ratePerSecond}, spread over {@code clients} client connections. */
        record OpenLoop(double ratePerSecond, int clients) implements Arrival {
        }

        /** No generic load (only the control plane, if any). */
        record None() implements Arrival {
        }
    }

    /**
     * Fractions of operations; they sum to 1. A compare-and-set ({@code cas}) replaces the key's
     * value only if it still holds the value this client last read or wrote there (a put when the
     * client has seen none): the register operation of Jepsen's etcd tests, checkable for
     * linearizability, where {@code txn} is etcd's version-guarded transaction. A range at a revision
     * ({@code rangeAtRevision}) reads one key as of a revision the client has already seen, which the
     * safety checks compare with the committed history.
     */
    public record OpMix(double put, double getLinearizable, double getSerializable, double delete, double txn, double cas,
            double rangeAtRevision) {
        public OpMix(double put, double getLinearizable, double getSerializable, double delete, double txn) {
            this(put, getLinearizable, getSerializable, delete, txn, 0);
        }

        public OpMix(double put, double getLinearizable, double getSerializable, double delete, double txn, double cas) {
            this(put, getLinearizable, getSerializable, delete, txn, cas, 0);
        }

        public OpMix {
            double sum = put + getLinearizable + getSerializable + delete + txn + cas + rangeAtRevision;
            if (put < 0 || getLinearizable < 0 || getSerializable < 0 || delete < 0 || txn < 0 || cas < 0 || rangeAtRevision < 0
                    || Math.abs(sum - 1) > 1e-6) {
                throw new IllegalArgumentException("operation fractions must be non-negative and sum to 1, got " + sum);
            }
        }
    }

    /**
     * Keys {@code key-000000} .. {@code key-<count-1>}, chosen uniformly, by a Zipf law, or in turn.
     *
     * @param zipfExponent 0 for uniform, else the Zipf exponent (1.0 is classic)
     * @param sequential   request {@code n} uses key {@code n mod count} (the benchmark tool's {@code --sequential-keys})
     */
    public record KeySpace(int count, double zipfExponent, boolean sequential) {
        public KeySpace(int count, double zipfExponent) {
            this(count, zipfExponent, false);
        }
    }

    /**
     * A control service that elects its own leader through etcd (seed 001): each candidate holds a
     * lease it keeps alive; a candidate campaigns with a transaction that creates the election key
     * only if it does not exist; the holder renews; the others read the key with linearizable reads.
     *
     * @param candidates             instances of the control service
     * @param leaseTtlNanos          the lease's time to live
     * @param keepAliveIntervalNanos how often the holder renews (clientv3: TTL / 3)
     * @param checkIntervalNanos     how often a non-holder reads the election key
     */
    public record ControlPlane(int candidates, long leaseTtlNanos, long keepAliveIntervalNanos, long checkIntervalNanos) {
    }

    /**
     * Watchers of the key space: watcher {@code i} watches {@code keysEach} consecutive keys from key
     * {@code i · keysEach mod count}, from the revision current when it starts, over {@code connections}
     * client connections spread over the members (connection {@code c} on member {@code c mod size + 1});
     * each re-watches from its last revision when its member dies and re-lists when compacted away
     * ({@code WatchSession}).
     */
    public record Watchers(int count, int keysEach, int connections) {
    }

    /**
     * The traffic Kubernetes apiservers send etcd for a cluster of {@code nodes} nodes and
     * {@code pods} pods (sources in {@code KubernetesSchema}'s keys): each node's kubelet renews its
     * Lease every {@code nodeLeaseIntervalNanos} (kubelet: 40 s lease, renewed every quarter); each pod's
     * status is updated every {@code podUpdateIntervalNanos}; events are created at {@code eventsPerSecond};
     * a controller lists the pods every {@code listIntervalNanos} in pages of {@code listLimit} (client-go's
     * pager), each page at the first page's revision; every apiserver watches each resource prefix and
     * compacts every {@code compactionIntervalNanos} ({@code --etcd-compaction-interval}, 5 min).
     */
    public record Kubernetes(int nodes, int pods, int apiservers, long nodeLeaseIntervalNanos, long podUpdateIntervalNanos,
            double eventsPerSecond, long listIntervalNanos, int listLimit, long podBytes, long compactionIntervalNanos) {
    }
}
