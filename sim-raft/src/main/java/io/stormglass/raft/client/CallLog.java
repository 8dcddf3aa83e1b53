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
 * What a client records of its finished calls: requests per operation, latency of those that succeeded,
 * failures per error text (metric handles resolved once per client), and each register operation in the
 * {@link History} with its outcome. A write that timed out may or may not have taken effect: it goes into
 * the history as unknown.
 */
final class CallLog {
    /** Not an etcd error: the run ended before the call was answered (its outcome is unknown). */
    static final String UNFINISHED = "unfinished: the run ended first";

    private final Recorder recorder;
    private final History history;
    private final Map<String, Counter> requestCounters = new TreeMap<>();
    private final Map<String, LatencyRecorder> latencies = new TreeMap<>();
    private final Map<String, Counter> errorCounters = new TreeMap<>();

    /** @param history where register operations go; null for none */
    CallLog(Recorder recorder, History history) {
        this.recorder = recorder;
        this.history = history;
    }

    /** A recorded call ended at {@code nowNanos} with {@code result} or {@code error}. */
    void finished(Call call, KvResult result, String error, long nowNanos) {
        requestCounters.computeIfAbsent(call.opName, op -> recorder.counter(Metric.CLIENT_REQUESTS.id(op))).increment();
        if (error == null) {
            latencies.computeIfAbsent(call.opName, op -> recorder.latency(Metric.CLIENT_REQUEST_DURATION.id(op)))
                    .record(nowNanos - call.startNanos);
        } else {
            errorCounters.computeIfAbsent(error, e -> recorder.counter(Metric.CLIENT_ERRORS.id(e))).increment();
        }
        if (history != null && call.recordable != null) {
            history.add(toOperation(call, result, error, nowNanos));
        }
    }

    /** The run ends with {@code call} still out: it goes into the history as invoked and never answered. */
    void unfinished(Call call, long nowNanos) {
        if (history != null && call.recordable != null) {
            history.add(toOperation(call, null, UNFINISHED, nowNanos));
        }
    }

    boolean keepsHistory() {
        return history != null;
    }

    private Operation toOperation(Call call, KvResult result, String error, long now) {
        Call.Recordable r = call.recordable;
        Operation.Outcome outcome;
        if (error == null) {
            outcome = Operation.Outcome.OK;
        } else if (!call.isWrite() || EtcdErrors.NO_LEADER.equals(error) || EtcdErrors.LEASE_NOT_FOUND.equals(error)
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
        return new Operation(history.nextId(), call.process, r.kind(), r.key(), value, r.expected(), casOk,
                call.startNanos, outcome == Operation.Outcome.UNKNOWN ? Long.MAX_VALUE : now, outcome);
    }
}
