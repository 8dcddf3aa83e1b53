package io.stormglass.scenario.load;

import static io.stormglass.scenario.schema.WorkloadSchema.*;

import io.stormglass.engine.exec.CpuSpec;
import io.stormglass.raft.client.ClientCpu;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.yaml.MapReader;

/**
 * Binds the keys that shape the load as etcd's {@code benchmark} tool does: {@code workload.connections},
 * {@code workload.endpoints}, {@code workload.auto-sync-interval}, {@code workload.key-size}, {@code workload.preload},
 * {@code workload.requests}, {@code workload.readers}; and the load generator's machine, {@code client.cpus},
 * {@code client.threads-per-core} and {@code client.cpu}.
 */
final class LoadShapeBinder {
    private LoadShapeBinder() {
    }

    static WorkloadSpec.Shape shape(MapReader w, int size, WorkloadSpec.Arrival arrival, WorkloadSpec.KeySpace keys) {
        int connections = CONNECTIONS.in(w) ? CONNECTIONS.read(w, 0) : 0;
        int clients = arrival instanceof WorkloadSpec.Arrival.ClosedLoop c ? c.clients()
                : arrival instanceof WorkloadSpec.Arrival.OpenLoop o ? o.clients() : 0;
        if (CONNECTIONS.in(w) && arrival instanceof WorkloadSpec.Arrival.OpenLoop) {
            CONNECTIONS.problem(w, "applies to closed-loop clients; an open loop's arrivals use clients as connections");
        } else if (connections > clients && clients > 0) {
            CONNECTIONS.problem(w, "must not exceed clients (" + clients + "): each connection carries at least one client");
        }
        WorkloadSpec.Endpoints endpoints = ENDPOINTS.read(w);
        if (endpoints instanceof WorkloadSpec.Endpoints.Fixed f && f.member() > size) {
            ENDPOINTS.problem(w, "member " + f.member() + " does not exist: cluster.size is " + size);
            endpoints = ENDPOINTS.defaultValue();
        } else if (endpoints instanceof WorkloadSpec.Endpoints.Fixed f && f.member() < 1) {
            ENDPOINTS.problem(w, "expected a member id 1.." + size + ", got " + f.member());
            endpoints = ENDPOINTS.defaultValue();
        }
        int keySize = (int) (long) KEY_SIZE.read(w, 0L);
        int widest = Integer.toString(Math.max(0, keys.count() - 1)).length();
        if (KEY_SIZE.in(w) && (keySize < widest || keySize > 1024)) {
            KEY_SIZE.problem(w, "must hold the widest key number (" + widest + " digits for keys.count " + keys.count()
                    + ") and be at most 1KiB, got " + keySize + "B");
        }
        int preload = PRELOAD.read(w);
        if (preload > keys.count()) {
            PRELOAD.problem(w, "must not exceed keys.count (" + keys.count() + "): it writes each key once");
        }
        long requests = REQUESTS.in(w) ? REQUESTS.read(w, 0L) : 0;
        int readers = READERS.read(w);
        if (readers > 0 && !(arrival instanceof WorkloadSpec.Arrival.ClosedLoop)) {
            READERS.problem(w, "applies to closed-loop clients");
            readers = 0;
        } else if (readers > clients) {
            READERS.problem(w, "must not exceed clients (" + clients + ")");
            readers = 0;
        }
        return new WorkloadSpec.Shape(connections, endpoints, keySize, preload, requests, readers, AUTO_SYNC_INTERVAL.read(w));
    }

    /** {@code client.cpus} (0: no client CPU model, the default), {@code client.threads-per-core}, {@code client.cpu}. */
    static ClientCpu clientCpu(MapReader c) {
        ClientCpu none = ClientCpu.none();
        int cpus = CLIENT_CPUS.read(c);
        int threads = CLIENT_THREADS_PER_CORE.read(c, 2);
        long request = none.grpcRequestNanos();
        long perKiB = none.grpcKiBNanos();
        long paceTimer = 0;
        MapReader cost = c.optionalMap("cpu").orElse(null);
        if (cost != null) {
            request = CLIENT_GRPC_REQUEST.read(cost);
            perKiB = CLIENT_GRPC_PER_KIB.read(cost);
            paceTimer = PACE_TIMER.read(cost);
            cost.finish();
        }
        if (cpus == 0) {
            if (CLIENT_THREADS_PER_CORE.in(c) || cost != null) {
                c.problem(cost != null ? "cpu" : "threads-per-core", "needs client.cpus: without it the clients cost no CPU");
            }
            return none;
        }
        if (threads > cpus) {
            CLIENT_THREADS_PER_CORE.problem(c, "must not exceed cpus (" + cpus + ")");
            threads = 1;
        }
        CpuSpec cores = threads == 1 ? new CpuSpec(cpus, 1, 1) : new CpuSpec(cpus, threads, CpuSpec.INTEL_SMT_GAIN);
        return new ClientCpu(cores, request, perKiB, paceTimer);
    }
}
