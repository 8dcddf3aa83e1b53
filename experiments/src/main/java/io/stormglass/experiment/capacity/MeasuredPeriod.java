package io.stormglass.experiment.capacity;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.run.Runner;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The part of a step that is measured: from {@code fromNanos} (after the warm-up and the settle
 * time, so that the cluster's first writes — the backend's first commit, queues filling — are not
 * counted) to the end of the run. A simulation event at {@code fromNanos} takes a copy of every
 * latency histogram and counter; figures of the period are the final values minus that copy.
 */
final class MeasuredPeriod implements Runner.AssemblyHook {
    private static final EventKind START = EventKind.named("capacity.measure-start");

    private final long fromNanos;
    private final Map<MetricId, Histogram> latencies = new TreeMap<>();
    private final Map<MetricId, Long> counters = new TreeMap<>();

    MeasuredPeriod(long fromNanos) {
        this.fromNanos = fromNanos;
    }

    long fromNanos() {
        return fromNanos;
    }

    @Override
    public void assembled(Simulation sim, Recorder recorder) {
        sim.scheduleAt(fromNanos, START, 0, () -> {
            recorder.latencies().forEach((id, l) -> latencies.put(id, l.histogramCopy()));
            recorder.counters().forEach((id, c) -> counters.put(id, c.total()));
        });
    }

    /** Values recorded in the period. */
    Histogram since(LatencyRecorder l) {
        Histogram h = l.histogramCopy();
        Histogram before = latencies.get(l.id());
        if (before != null) {
            h.subtract(before);
        }
        return h;
    }

    /** Increments in the period. */
    long since(Counter c) {
        return c.total() - counters.getOrDefault(c.id(), 0L);
    }

    /** Percentile of the period's values, in milliseconds; NaN if there are none. */
    double percentileMs(LatencyRecorder l, double percentile) {
        if (l == null) {
            return Double.NaN;
        }
        Histogram h = since(l);
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    /** Sum of the period's values, in nanoseconds. */
    double sumNanos(LatencyRecorder l) {
        Histogram h = since(l);
        return h.getMean() * h.getTotalCount();
    }
}
