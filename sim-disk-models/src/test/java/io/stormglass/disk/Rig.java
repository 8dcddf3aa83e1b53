package io.stormglass.disk;

import io.stormglass.disk.model.DiskSpec;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import java.util.ArrayList;
import java.util.List;

/** A simulation, recorder and model factory for tests, plus helpers that drive I/O loops. */
public final class Rig {
    public static final EventKind TEST = EventKind.named("test.step");
    public final Simulation sim = new Simulation();
    public final Recorder recorder = new Recorder(sim);
    public final DiskEnv env;
    public final DiskModels models;

    public Rig(long seed) {
        env = new DiskEnv(sim, new RandomStreams(seed), recorder);
        models = new DiskModels(env);
    }

    public BlockDevice device(String name, DiskSpec spec) {
        return models.create(name, spec);
    }

    /** Submits one request at the current time and runs the simulation until it completes. */
    public IoResult io(BlockDevice device, IoRequest request) {
        IoResult[] out = new IoResult[1];
        device.submit(request, r -> out[0] = r);
        while (out[0] == null && sim.step()) {
            // run until the completion
        }
        if (out[0] == null) {
            throw new AssertionError("request never completed: " + request);
        }
        return out[0];
    }

    /**
     * Issues {@code count} closed-loop requests (each after the previous completed, via a fresh
     * event) from {@code makeRequest}, returning their latencies in nanoseconds.
     */
    public List<Long> loop(BlockDevice device, int count, java.util.function.IntFunction<IoRequest> makeRequest) {
        List<Long> latencies = new ArrayList<>();
        Runnable[] next = new Runnable[1];
        next[0] = () -> device.submit(makeRequest.apply(latencies.size()), r -> {
            latencies.add(r.latencyNanos());
            if (latencies.size() < count) {
                sim.schedule(0, TEST, 0, next[0]::run);
            } else {
                sim.stop();
            }
        });
        sim.schedule(0, TEST, 0, next[0]::run);
        sim.run();
        return latencies;
    }

    public static double mean(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElseThrow();
    }

    /** The {@code p}-th percentile (0–100) by nearest rank. */
    public static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
