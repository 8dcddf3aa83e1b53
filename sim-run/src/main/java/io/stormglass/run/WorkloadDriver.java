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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.ZipfDistribution;

/**
 * Generates the scenario's load on its connections: closed-loop clients that issue their next
 * request a think time after the previous one ends, or open-loop Poisson arrivals spread over the
 * connections (a request is sent whether or not earlier ones are done, so an overloaded
 * cluster builds a backlog, as real traffic does). Closed-loop clients share the connections round
 * robin ({@code workload.connections}); each client is a process of its own in the history.
 * Operations follow the mix, except for the first {@code workload.readers} closed-loop clients, which
 * only issue linearizable gets; keys are uniform, Zipf-distributed or taken in turn ({@link Keys});
 * values are uniform in size and each carries a sequence number, so every written value is
 * distinct (checkers trace an acknowledged write by key and value). A compare-and-set expects the
 * value its client last read or wrote at the key. A range at a revision reads one key, linearizably, as of
 * a revision drawn uniformly among the last {@value #AT_REVISION_WINDOW} up to the newest its client has seen
 * in an answer (so it was committed before the read began); its answer goes to the checks. Draws come
 * from the stream {@code workload}.
 *
 * <p>When the load starts, each connection is pointed at its member ({@link EndpointPlan}); with
 * {@code preload}, the clients first write every preloaded key once, unmeasured, and the measured
 * load starts when the last is written. With {@code requests}, no request is issued after that many.
 * The measured requests are summed in a {@link LoadSummary}.
 */
final class WorkloadDriver {
    private static final EventKind NEXT = EventKind.named("workload.next");
    /** Process ids of clients that share connections start here (a client with its own connection is the connection's id). */
    static final int FIRST_SHARED_PROCESS = 1_000_001;

    private final Scheduler scheduler;
    private final WorkloadSpec spec;
    private final List<KvClient> connections;
    private final SimRandom random;
    private final ZipfDistribution zipf;
    private final long stopNanos;
    private final WriteAcks acks;
    private final RevisionReads reads;
    /** How far back a range at a revision reaches: old enough to meet compactions, recent enough to find data. */
    static final int AT_REVISION_WINDOW = 1_000;
    /** Per client, the newest revision an answer showed it. */
    private final Map<Integer, Long> revisionSeen = new TreeMap<>();
    private final Keys keys;
    private final LoadMeter meter;
    /**
     * Per client, the value it last read or wrote at each key (what its next compare-and-set expects). Only
     * looked up by key, never iterated: hash maps, as a tree of thousands of keys cost a walk of string
     * comparisons per answered request (issue 23).
     */
    private final Map<Integer, Map<String, String>> lastSeen = new TreeMap<>();
    /** The processes of the callers that only read ({@code workload.readers}). */
    private final Set<Integer> readers = new TreeSet<>();
    private int nextConnection;
    private long sequence;
    private long issued;

    /** Hears each write a client was told succeeded. */
    @FunctionalInterface
    interface WriteAcks {
        WriteAcks NONE = (client, key, value) -> { };

        void acknowledged(int client, String key, String value);
    }

    /** Hears each range at a revision with its answer. */
    @FunctionalInterface
    interface RevisionReads {
        RevisionReads NONE = (client, key, revision, result) -> { };

        void answered(int client, String key, long revision, ClientResult result);
    }

    WorkloadDriver(Scheduler scheduler, WorkloadSpec spec, List<KvClient> connections, SimRandom random, long stopNanos,
            WriteAcks acks, RevisionReads reads) {
        this.scheduler = scheduler;
        this.acks = acks;
        this.reads = reads;
        this.spec = spec;
        this.connections = connections;
        this.random = random;
        this.stopNanos = stopNanos;
        this.keys = new Keys(spec.keys(), spec.shape());
        this.meter = new LoadMeter(scheduler);
        this.zipf = spec.keys().zipfExponent() > 0
                ? new ZipfDistribution(random, spec.keys().count(), spec.keys().zipfExponent()) : null;
    }

    /** Connections a workload needs: the shape's, else one per client (open loop: per arrival client). */
    static int connections(WorkloadSpec w) {
        int clients = w.arrival() instanceof WorkloadSpec.Arrival.ClosedLoop c ? c.clients()
                : w.arrival() instanceof WorkloadSpec.Arrival.OpenLoop o ? o.clients() : 0;
        return clients == 0 ? 0 : w.shape().connections() > 0 ? Math.min(clients, w.shape().connections()) : clients;
    }

    /**
     * Starts the load at {@code startNanos}: points the connections at their members, preloads, then
     * runs the measured load.
     *
     * @param members the member ids in order
     * @param leader  the member leading at a given moment, or 0
     */
    void start(long startNanos, List<Integer> members, java.util.function.IntSupplier leader) {
        if (connections.isEmpty()) {
            return;
        }
        scheduler.scheduleAt(startNanos, NEXT, 0, () -> {
            EndpointPlan.apply(spec.shape().endpoints(), connections, members, leader);
            List<KvClient.Caller> callers = callers();
            new Preloader(scheduler, spec.shape().preloadKeys(), callers, keys, this::value, stopNanos)
                    .run(() -> startMeasured(callers));
        });
    }

    /** What the measured load did so far. */
    LoadSummary summary() {
        return meter.summary();
    }

    /** The closed-loop clients on their connections, or one caller per connection for an open loop. */
    private List<KvClient.Caller> callers() {
        List<KvClient.Caller> out = new ArrayList<>();
        int clients = spec.arrival() instanceof WorkloadSpec.Arrival.ClosedLoop c ? c.clients() : connections.size();
        boolean shared = clients > connections.size();
        for (int i = 0; i < clients; i++) {
            KvClient connection = connections.get(i % connections.size());
            KvClient.Caller caller = connection.caller(shared ? FIRST_SHARED_PROCESS + i : connection.nodeId(), true);
            if (i < spec.shape().readers()) {
                readers.add(caller.process());
            }
            out.add(caller);
        }
        return out;
    }

    private void startMeasured(List<KvClient.Caller> callers) {
        WorkloadSpec.Arrival arrival = spec.arrival();
        if (arrival instanceof WorkloadSpec.Arrival.ClosedLoop closed) {
            for (KvClient.Caller caller : callers) {
                closedLoop(caller, closed.thinkNanos());
            }
        } else if (arrival instanceof WorkloadSpec.Arrival.OpenLoop open) {
            openLoop(callers, open.ratePerSecond());
        }
    }

    private boolean mayIssue() {
        long total = spec.shape().totalRequests();
        return scheduler.nowNanos() < stopNanos && (total == 0 || issued < total);
    }

    private void closedLoop(KvClient.Caller caller, long thinkNanos) {
        if (!mayIssue()) {
            return;
        }
        issue(caller, r -> scheduler.schedule(thinkNanos, NEXT, caller.process(), () -> closedLoop(caller, thinkNanos)));
    }

    private void openLoop(List<KvClient.Caller> callers, double ratePerSecond) {
        if (!mayIssue()) {
            return;
        }
        KvClient.Caller caller = callers.get(nextConnection);
        nextConnection = (nextConnection + 1) % callers.size();
        issue(caller, r -> { });
        long gapNanos = Math.max(1, (long) (random.nextExponential() * 1e9 / ratePerSecond));
        scheduler.schedule(gapNanos, NEXT, 0, () -> openLoop(callers, ratePerSecond));
    }

    private void issue(KvClient.Caller caller, Consumer<ClientResult> then) {
        long n = issued++;
        meter.issued();
        WorkloadSpec.OpMix mix = spec.mix();
        Consumer<ClientResult> done = r -> {
            meter.ended(r);
            if (mix.rangeAtRevision() > 0 && r.ok() && r.result() != null) {
                revisionSeen.merge(caller.process(), r.result().revision(), Math::max);
            }
            then.accept(r);
        };
        Map<String, String> seen = lastSeen.computeIfAbsent(caller.process(), id -> new HashMap<>());
        if (readers.contains(caller.process())) {
            // a reader draws no operation: a workload without readers draws exactly as before
            linearizableGet(caller, keys.name(readKey(n)), seen, done);
            return;
        }
        double u = random.nextDouble();
        if ((u -= mix.put()) < 0) {
            put(caller, keys.name(writeKey(n)), seen, done);
        } else if ((u -= mix.getLinearizable()) < 0) {
            linearizableGet(caller, keys.name(readKey(n)), seen, done);
        } else if ((u -= mix.getSerializable()) < 0) {
            caller.get(keys.name(readKey(n)), false, done);
        } else if ((u -= mix.delete()) < 0) {
            caller.delete(keys.name(writeKey(n)), done);
        } else if ((u -= mix.cas()) < 0) {
            compareAndSet(caller, keys.name(writeKey(n)), seen, done);
        } else if ((u -= mix.rangeAtRevision()) < 0) {
            rangeAtRevision(caller, keys.name(readKey(n)), done);
        } else {
            // a transaction: update the key only if it did not change since version 0 or else bump it
            String key = keys.name(writeKey(n));
            caller.txn(new KvCommand.Txn(List.of(Compare.versionEquals(key, 0)),
                    List.of(new KvCommand.Put(key, value(), 0)), List.of(new KvCommand.Put(key, value(), 0))), done);
        }
    }

    private void linearizableGet(KvClient.Caller caller, String key, Map<String, String> seen, Consumer<ClientResult> done) {
        caller.get(key, true, r -> {
            if (r.ok() && r.result() instanceof KvResult.RangeResult range) {
                seen.put(key, range.kvs().isEmpty() ? null : range.kvs().get(0).value());
            }
            done.accept(r);
        });
    }

    private void compareAndSet(KvClient.Caller caller, String key, Map<String, String> seen, Consumer<ClientResult> done) {
        String expected = seen.get(key);
        if (expected == null) {
            // the register model's "absent" is not etcd's empty value: with nothing to compare, write
            put(caller, key, seen, done);
            return;
        }
        String value = value();
        caller.compareAndSet(key, expected, value, r -> {
            if (r.ok() && r.result() instanceof KvResult.TxnResult t && t.succeeded()) {
                seen.put(key, value);
                acks.acknowledged(caller.process(), key, value);
            }
            done.accept(r);
        });
    }

    private void rangeAtRevision(KvClient.Caller caller, String key, Consumer<ClientResult> done) {
        long newest = revisionSeen.getOrDefault(caller.process(), 0L);
        long revision = newest < 1 ? 1 : newest - random.nextLong(Math.min(newest, AT_REVISION_WINDOW));
        caller.connection().range(key, "", revision, 0, true, r -> {
            reads.answered(caller.process(), key, revision, r);
            done.accept(r);
        });
    }

    private void put(KvClient.Caller caller, String key, Map<String, String> seen, Consumer<ClientResult> done) {
        String value = value();
        caller.put(key, value, r -> {
            if (r.ok()) {
                seen.put(key, value);
                acks.acknowledged(caller.process(), key, value);
            }
            done.accept(r);
        });
    }

    /** The key number request {@code n} writes. */
    private int writeKey(long n) {
        return keys.sequential() ? keys.inTurn(n) : draw(spec.keys().count());
    }

    /** The key number request {@code n} reads: among the preloaded keys when there are any, so that it exists. */
    private int readKey(long n) {
        int among = keys.readable();
        return keys.sequential() ? (int) (n % among) : draw(among);
    }

    private int draw(int among) {
        if (zipf != null) {
            return (zipf.sample() - 1) % among;
        }
        return random.nextInt(among);
    }

    private String value() {
        long size = spec.valueMinBytes() + (spec.valueMaxBytes() > spec.valueMinBytes()
                ? random.nextLong(spec.valueMaxBytes() - spec.valueMinBytes() + 1) : 0);
        return paddedValue(++sequence, size);
    }

    /**
     * The value of the {@code sequence}-th write: {@code v<sequence>-}, then 'x' up to {@code sizeBytes} chars
     * (just the tag when it is longer). Padded by a bulk copy: appending a 4 KiB value's padding char by char
     * was a tenth of member-replace's time (issue 23).
     */
    static String paddedValue(long sequence, long sizeBytes) {
        String tag = "v" + sequence + "-";
        return sizeBytes <= tag.length() ? tag : tag + "x".repeat(Math.toIntExact(sizeBytes - tag.length()));
    }
}
