package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.kv.Compare;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.ZipfDistribution;

/**
 * Generates the scenario's load on its clients: closed-loop clients that issue their next
 * request a think time after the previous one ends, or open-loop Poisson arrivals spread over the
 * client connections (a request is sent whether or not earlier ones are done, so an overloaded
 * cluster builds a backlog, as real traffic does). Operations follow the mix; keys are uniform or
 * Zipf-distributed; values are uniform in size and each carries a sequence number, so every
 * written value is distinct (checkers trace an acknowledged write by key and value). A
 * compare-and-set expects the value its client last read or wrote at the key. Draws come from
 * the stream {@code workload}.
 */
final class WorkloadDriver {
    private static final EventKind NEXT = EventKind.named("workload.next");

    private final Scheduler scheduler;
    private final WorkloadSpec spec;
    private final List<KvClient> clients;
    private final SimRandom random;
    private final ZipfDistribution zipf;
    private final long stopNanos;
    private final WriteAcks acks;
    /** Per client, the value it last read or wrote at each key (what its next compare-and-set expects). */
    private final Map<Integer, Map<String, String>> lastSeen = new TreeMap<>();
    private int nextClient;
    private long sequence;

    /** Hears each write a client was told succeeded. */
    @FunctionalInterface
    interface WriteAcks {
        WriteAcks NONE = (client, key, value) -> { };

        void acknowledged(int client, String key, String value);
    }

    WorkloadDriver(Scheduler scheduler, WorkloadSpec spec, List<KvClient> clients, SimRandom random, long stopNanos,
            WriteAcks acks) {
        this.scheduler = scheduler;
        this.acks = acks;
        this.spec = spec;
        this.clients = clients;
        this.random = random;
        this.stopNanos = stopNanos;
        this.zipf = spec.keys().zipfExponent() > 0
                ? new ZipfDistribution(random, spec.keys().count(), spec.keys().zipfExponent()) : null;
    }

    /** Starts the load at {@code startNanos}. */
    void start(long startNanos) {
        WorkloadSpec.Arrival arrival = spec.arrival();
        if (arrival instanceof WorkloadSpec.Arrival.ClosedLoop closed) {
            for (KvClient client : clients.subList(0, closed.clients())) {
                scheduler.scheduleAt(startNanos, NEXT, client.nodeId(), () -> closedLoop(client, closed.thinkNanos()));
            }
        } else if (arrival instanceof WorkloadSpec.Arrival.OpenLoop open) {
            scheduler.scheduleAt(startNanos, NEXT, 0, () -> openLoop(open.ratePerSecond()));
        }
    }

    private void closedLoop(KvClient client, long thinkNanos) {
        if (scheduler.nowNanos() >= stopNanos) {
            return;
        }
        issue(client, r -> scheduler.schedule(thinkNanos, NEXT, client.nodeId(), () -> closedLoop(client, thinkNanos)));
    }

    private void openLoop(double ratePerSecond) {
        if (scheduler.nowNanos() >= stopNanos) {
            return;
        }
        KvClient client = clients.get(nextClient);
        nextClient = (nextClient + 1) % clients.size();
        issue(client, r -> { });
        long gapNanos = Math.max(1, (long) (random.nextExponential() * 1e9 / ratePerSecond));
        scheduler.schedule(gapNanos, NEXT, 0, () -> openLoop(ratePerSecond));
    }

    private void issue(KvClient client, Consumer<ClientResult> done) {
        WorkloadSpec.OpMix mix = spec.mix();
        double u = random.nextDouble();
        String key = key();
        Map<String, String> seen = lastSeen.computeIfAbsent(client.nodeId(), id -> new TreeMap<>());
        if ((u -= mix.put()) < 0) {
            put(client, key, seen, done);
        } else if ((u -= mix.getLinearizable()) < 0) {
            client.get(key, true, r -> {
                if (r.ok() && r.result() instanceof KvResult.RangeResult range) {
                    seen.put(key, range.kvs().isEmpty() ? null : range.kvs().get(0).value());
                }
                done.accept(r);
            });
        } else if ((u -= mix.getSerializable()) < 0) {
            client.get(key, false, done);
        } else if ((u -= mix.delete()) < 0) {
            client.delete(key, done);
        } else if ((u -= mix.cas()) < 0) {
            String expected = seen.get(key);
            if (expected == null) {
                // the register model's "absent" is not etcd's empty value: with nothing to compare, write
                put(client, key, seen, done);
                return;
            }
            String value = value();
            client.compareAndSet(key, expected, value, r -> {
                if (r.ok() && r.result() instanceof KvResult.TxnResult t && t.succeeded()) {
                    seen.put(key, value);
                    acks.acknowledged(client.nodeId(), key, value);
                }
                done.accept(r);
            });
        } else {
            // a transaction: update the key only if it did not change since version 0 or else bump it
            client.txn(new KvCommand.Txn(List.of(Compare.versionEquals(key, 0)),
                    List.of(new KvCommand.Put(key, value(), 0)), List.of(new KvCommand.Put(key, value(), 0))), done);
        }
    }

    private void put(KvClient client, String key, Map<String, String> seen, Consumer<ClientResult> done) {
        String value = value();
        client.put(key, value, r -> {
            if (r.ok()) {
                seen.put(key, value);
                acks.acknowledged(client.nodeId(), key, value);
            }
            done.accept(r);
        });
    }

    private String key() {
        int index = zipf != null ? zipf.sample() - 1 : random.nextInt(spec.keys().count());
        return String.format(Locale.ROOT, "key-%06d", index);
    }

    private String value() {
        long size = spec.valueMinBytes() + (spec.valueMaxBytes() > spec.valueMinBytes()
                ? random.nextLong(spec.valueMaxBytes() - spec.valueMinBytes() + 1) : 0);
        String tag = "v" + (++sequence) + "-";
        StringBuilder b = new StringBuilder((int) Math.max(size, tag.length()));
        b.append(tag);
        while (b.length() < size) {
            b.append('x');
        }
        return b.toString();
    }
}
