package io.stormglass.raft.client;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.server.EtcdErrors;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a client records of its finished calls: the count per operation, the latency of each success
 * and the count per error text (metric handles resolved once), and each register operation in the
 * {@link History} (if there is one) with its outcome: a write that failed with an error that leaves it
 * undone is FAILED, one that timed out UNKNOWN.
 */
final class CallRecords {
    /** What the history needs to know of a register operation. */
    record Recordable(Operation.Kind kind, String key, String value, String expected) {
    }

    private final Recorder recorder;
    private final History history;
    private final Map<String, Counter> requestCounters = new TreeMap<>();
    private final Map<String, LatencyRecorder> latencies = new TreeMap<>();
    private final Map<String, Counter> errorCounters = new TreeMap<>();

    /** @param history null to record no operations */
    CallRecords(Recorder recorder, History history) {
        this.recorder = recorder;
        this.history = history;
    }

    boolean keepsHistory() {
        return history != null;
    }

    /** Counts a finished call of {@code opName}: its latency when it succeeded, its error otherwise. */
    void count(String opName, long latencyNanos, String error) {
        requestCounters.computeIfAbsent(opName, op -> recorder.counter(Metric.CLIENT_REQUESTS.id(op))).increment();
        if (error == null) {
            latencies.computeIfAbsent(opName, op -> recorder.latency(Metric.CLIENT_REQUEST_DURATION.id(op))).record(latencyNanos);
        } else {
            errorCounters.computeIfAbsent(error, e -> recorder.counter(Metric.CLIENT_ERRORS.id(e))).increment();
        }
    }

    /**
     * Adds the register operation {@code r} of {@code process}, invoked at {@code startNanos} and ended at
     * {@code nowNanos} with {@code result} or {@code error}, to the history (if any).
     */
    void add(Recordable r, int process, boolean write, long startNanos, KvResult result, String error, long nowNanos) {
        if (history == null) {
            return;
        }
        Operation.Outcome outcome;
        if (error == null) {
            outcome = Operation.Outcome.OK;
        } else if (!write || EtcdErrors.NO_LEADER.equals(error) || EtcdErrors.LEASE_NOT_FOUND.equals(error)
                || EtcdErrors.NO_SPACE.equals(error)) {
            outcome = Operation.Outcome.FAILED; // a read, or a proposal Raft or the quota refused: no effect
        } else {
            outcome = Operation.Outcome.UNKNOWN; // timed out: it may still be applied
        }
        String value = r.value();
        boolean casOk = false;
        if (outcome == Operation.Outcome.OK && r.kind() == Operation.Kind.READ) {
            KvResult.RangeResult range = (KvResult.RangeResult) result;
            value = range.kvs().isEmpty() ? null : range.kvs().get(0).value();
        }
        if (outcome == Operation.Outcome.OK && r.kind() == Operation.Kind.CAS) {
            casOk = result instanceof KvResult.TxnResult t && t.succeeded();
        }
        history.add(new Operation(history.nextId(), process, r.kind(), r.key(), value, r.expected(), casOk,
                startNanos, outcome == Operation.Outcome.UNKNOWN ? Long.MAX_VALUE : nowNanos, outcome));
    }
}
