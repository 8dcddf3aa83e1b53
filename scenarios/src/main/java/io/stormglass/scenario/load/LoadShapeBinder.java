package io.stormglass.scenario.load;

import io.stormglass.engine.exec.CpuSpec;
import io.stormglass.raft.client.ClientCpu;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.YamlNode;

/**
 * Binds the keys that shape the load as etcd's {@code benchmark} tool does: {@code workload.connections},
 * {@code workload.endpoints}, {@code workload.key-size}, {@code workload.preload},
 * {@code workload.requests}; and the load generator's machine, {@code client.cpus},
 * {@code client.threads-per-core} and {@code client.cpu}.
 */
final class LoadShapeBinder {
    /** Largest count of connections, keys to preload or requests accepted. */
    static final long MAX_COUNT = 100_000_000;

    private LoadShapeBinder() {
    }

    static WorkloadSpec.Shape shape(MapReader w, int size, WorkloadSpec.Arrival arrival, WorkloadSpec.KeySpace keys) {
        int connections = (int) w.integer("connections", 0, 1, 100_000);
        int clients = arrival instanceof WorkloadSpec.Arrival.ClosedLoop c ? c.clients()
                : arrival instanceof WorkloadSpec.Arrival.OpenLoop o ? o.clients() : 0;
        if (w.has("connections") && arrival instanceof WorkloadSpec.Arrival.OpenLoop) {
            w.problem("connections", "applies to closed-loop clients; an open loop's arrivals use clients as connections");
        } else if (connections > clients && clients > 0) {
            w.problem("connections", "must not exceed clients (" + clients + "): each connection carries at least one client");
        }
        WorkloadSpec.Endpoints endpoints = endpoints(w, size);
        int keySize = (int) w.sizeBytes("key-size", 0);
        int widest = Integer.toString(Math.max(0, keys.count() - 1)).length();
        if (w.has("key-size") && (keySize < widest || keySize > 1024)) {
            w.problem("key-size", "must hold the widest key number (" + widest + " digits for keys.count " + keys.count()
                    + ") and be at most 1KiB, got " + keySize + "B");
        }
        int preload = (int) w.integer("preload", 0, 0, MAX_COUNT);
        if (preload > keys.count()) {
            w.problem("preload", "must not exceed keys.count (" + keys.count() + "): it writes each key once");
        }
        long requests = w.integer("requests", 0, 1, MAX_COUNT);
        return new WorkloadSpec.Shape(connections, endpoints, keySize, preload, requests);
    }

    private static WorkloadSpec.Endpoints endpoints(MapReader w, int size) {
        if (!w.has("endpoints")) {
            return new WorkloadSpec.Endpoints.RoundRobin();
        }
        YamlNode node = w.nodeOf("endpoints");
        String text = node instanceof YamlNode.YamlScalar s ? s.text() : "";
        switch (text) {
            case "round-robin":
                return new WorkloadSpec.Endpoints.RoundRobin();
            case "leader":
                return new WorkloadSpec.Endpoints.Leader();
            case "follower":
                return new WorkloadSpec.Endpoints.Follower();
            case "all":
                return new WorkloadSpec.Endpoints.All();
            default:
                if (text.matches("[0-9]{1,9}")) {
                    int id = NetworkBinder.memberId(w, "endpoints", node, size);
                    return id == 0 ? new WorkloadSpec.Endpoints.RoundRobin() : new WorkloadSpec.Endpoints.Fixed(id);
                }
                w.problems().add(node.location(), w.keyPath("endpoints"),
                        "expected round-robin, leader, follower, all or a member id 1.." + size + ", got "
                                + (node instanceof YamlNode.YamlScalar ? Quote.of(text) : node.describe()));
                return new WorkloadSpec.Endpoints.RoundRobin();
        }
    }

    /** {@code client.cpus} (0: no client CPU model, the default), {@code client.threads-per-core}, {@code client.cpu}. */
    static ClientCpu clientCpu(MapReader c) {
        ClientCpu none = ClientCpu.none();
        int cpus = (int) c.integer("cpus", 0, 0, ClusterBinder.MAX_CPUS);
        int threads = (int) c.integer("threads-per-core", 2, 1, 2);
        long request = none.grpcRequestNanos();
        long perKiB = none.grpcKiBNanos();
        long paceTimer = 0;
        MapReader cost = c.optionalMap("cpu").orElse(null);
        if (cost != null) {
            request = cost.durationNanos("grpc-request", request);
            perKiB = cost.durationNanos("grpc-per-kib", perKiB);
            paceTimer = cost.durationNanos("pace-timer", 0);
            cost.finish();
        }
        if (cpus == 0) {
            if (c.has("threads-per-core") || cost != null) {
                c.problem(c.has("cpu") ? "cpu" : "threads-per-core", "needs client.cpus: without it the clients cost no CPU");
            }
            return none;
        }
        if (threads > cpus) {
            c.problem("threads-per-core", "must not exceed cpus (" + cpus + ")");
            threads = 1;
        }
        CpuSpec cores = threads == 1 ? new CpuSpec(cpus, 1, 1) : new CpuSpec(cpus, threads, CpuSpec.INTEL_SMT_GAIN);
        return new ClientCpu(cores, request, perKiB, paceTimer);
    }
}
