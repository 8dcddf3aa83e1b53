package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.client.WatchSession;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * A Kubernetes control plane's traffic to etcd ({@code workload.kubernetes}), spread over the
 * apiservers' connections: node Lease renewals, pod status writes, Event creations, a paginated
 * list of every pod (pages at the first page's revision; a page that hits a compacted revision
 * restarts the list, as client-go's pager falls back to a fresh list), one watch per resource
 * prefix and apiserver ({@link WatchSession}: re-watch when the member is gone, re-list when
 * compacted away), and the apiservers' compaction at the revision seen one interval earlier. Keys
 * follow the apiserver's layout ({@code /registry/pods/default/pod-000042}). Client metrics
 * name the calls {@code put} (Lease, pod, Event writes) and {@code range} (list pages).
 */
final class KubernetesLoad {
    private static final EventKind TICK = EventKind.named("workload.kubernetes");
    private static final String LEASES = "/registry/leases/kube-node-lease/";
    private static final String PODS = "/registry/pods/default/";
    private static final String EVENTS = "/registry/events/default/";
    private static final int LEASE_BYTES = 300;
    private static final int EVENT_BYTES = 600;

    private final Scheduler scheduler;
    private final WorkloadSpec.Kubernetes spec;
    private final List<KvClient> apiservers;
    private final SimRandom random;
    private final long endNanos;
    private long writes;
    private long events;
    private long lastRevisionSeen;
    /** The revision the next compaction goes to (seen one compaction interval before). */
    private long compactAt;

    KubernetesLoad(Scheduler scheduler, WorkloadSpec.Kubernetes spec, List<KvClient> apiservers, SimRandom random, long endNanos) {
        this.scheduler = scheduler;
        this.spec = spec;
        this.apiservers = apiservers;
        this.random = random;
        this.endNanos = endNanos;
    }

    void start(long atNanos, List<Integer> members, IntPredicate memberUp) {
        for (int n = 0; n < spec.nodes(); n++) {
            String key = LEASES + name("node", n);
            repeat(atNanos + random.nextLong(spec.nodeLeaseIntervalNanos()), spec.nodeLeaseIntervalNanos(),
                    () -> write(key, LEASE_BYTES));
        }
        for (int p = 0; p < spec.pods(); p++) {
            String key = PODS + name("pod", p);
            repeat(atNanos + random.nextLong(spec.podUpdateIntervalNanos()), spec.podUpdateIntervalNanos(),
                    () -> write(key, (int) spec.podBytes()));
        }
        if (spec.eventsPerSecond() > 0) {
            scheduler.scheduleAt(atNanos, TICK, 0, this::nextEvent);
        }
        repeat(atNanos + spec.listIntervalNanos(), spec.listIntervalNanos(), () -> listPage("", 0));
        repeat(atNanos + spec.compactionIntervalNanos(), spec.compactionIntervalNanos(), this::compact);
        for (int a = 0; a < apiservers.size(); a++) {
            KvClient c = apiservers.get(a);
            int home = members.get(a % members.size());
            for (String prefix : List.of(LEASES, PODS, EVENTS)) {
                new WatchSession(scheduler, c, prefix, prefixEnd(prefix), memberUp, received -> { }).start(home, 0);
            }
        }
    }

    private static String name(String kind, int n) {
        return String.format(Locale.ROOT, "%s-%06d", kind, n);
    }

    private static String prefixEnd(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1);
    }

    private void repeat(long at, long every, Runnable action) {
        if (at >= endNanos) {
            return;
        }
        scheduler.scheduleAt(at, TICK, 0, () -> {
            action.run();
            repeat(at + every, every, action);
        });
    }

    private KvClient next() {
        return apiservers.get((int) (writes++ % apiservers.size()));
    }

    private void write(String key, int bytes) {
        String value = "v" + writes + ":" + "x".repeat(Math.max(0, bytes - 12));
        next().put(key, value, r -> {
            if (r.ok()) {
                lastRevisionSeen = Math.max(lastRevisionSeen, r.result().revision());
            }
        });
    }

    private void nextEvent() {
        long gap = Math.max(1, (long) (random.nextExponential() / spec.eventsPerSecond() * 1e9));
        if (scheduler.nowNanos() + gap < endNanos) {
            write(EVENTS + name("event", (int) (events++ % 10_000_000)), EVENT_BYTES);
            scheduler.schedule(gap, TICK, 0, this::nextEvent);
        }
    }

    /** One page of the pod list from {@code after} at {@code revision} (0: the first page, which fixes it). */
    private void listPage(String after, long revision) {
        String from = after.isEmpty() ? PODS : after + "\0";
        next().range(from, prefixEnd(PODS), revision, spec.listLimit(), true, r -> {
            if (r.ok() && r.result() instanceof KvResult.RangeResult page && page.kvs().size() == spec.listLimit()) {
                listPage(page.kvs().get(page.kvs().size() - 1).key(), revision == 0 ? page.revision() : revision);
            } else if (!r.ok() && revision != 0) {
                listPage("", 0); // the list's revision was compacted: start again, as client-go's pager does
            }
        });
    }

    /** The apiserver's compactor: compact at the revision seen one interval ago, remember the one seen now. */
    private void compact() {
        if (compactAt > 0) {
            next().compact(compactAt, r -> { });
        }
        compactAt = lastRevisionSeen;
    }
}
