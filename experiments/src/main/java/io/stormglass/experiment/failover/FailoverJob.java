package io.stormglass.experiment.failover;

import io.stormglass.experiment.exec.ScenarioSource;
import io.stormglass.experiment.exec.UnitJob;
import io.stormglass.scenario.model.Scenario;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Failover trials as units of work for any engine: one unit is a batch of consecutive trials (a
 * trial is a short run, so a batch keeps a distributed engine's per-task overhead small), and its
 * row is the batch's trials in order, or the error that stopped it.
 */
final class FailoverJob implements UnitJob<FailoverJob.Batch, FailoverJob.BatchResult> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Trials {@code from} (inclusive) to {@code to} (exclusive). */
    record Batch(int from, int to) implements Serializable {
    }

    /**
     * @param trials the batch's trials in order (empty after an error)
     * @param error  why the batch failed (a bug in Stormglass), or null
     */
    record BatchResult(List<FailoverTrial> trials, String error) implements Serializable {
        BatchResult {
            trials = List.copyOf(trials);
        }
    }

    private transient Scenario base;
    private final ScenarioSource source;
    private final long observeNanos;

    FailoverJob(Scenario base, ScenarioSource source, long observeNanos) {
        this.base = base;
        this.source = source;
        this.observeNanos = observeNanos;
    }

    /** Batches of at most {@code size} trials covering {@code 0..trials-1} in order. */
    static List<Batch> batches(int trials, int size) {
        List<Batch> out = new ArrayList<>();
        for (int from = 0; from < trials; from += size) {
            out.add(new Batch(from, Math.min(trials, from + size)));
        }
        return out;
    }

    @Override
    public BatchResult run(Batch batch) {
        if (base == null) {
            base = source.load();
        }
        List<FailoverTrial> out = new ArrayList<>();
        for (int i = batch.from(); i < batch.to(); i++) {
            out.add(FailoverExperiment.runTrial(base, i, observeNanos));
        }
        return new BatchResult(out, null);
    }

    @Override
    public BatchResult internalError(Batch batch, String error) {
        return new BatchResult(List.of(), error);
    }

    @Serial
    private void writeObject(ObjectOutputStream out) throws java.io.IOException {
        if (source == null) {
            throw new NotSerializableException("failover trials of a Scenario object run on the local engine only");
        }
        out.defaultWriteObject();
    }
}
