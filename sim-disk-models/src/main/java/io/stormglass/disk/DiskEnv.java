package io.stormglass.disk;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.metrics.Recorder;

/**
 * What a disk model needs from the run: the scheduler (virtual time), the named random streams
 * and the recorder its metrics go to. Each device draws from the stream {@code "disk/<name>"}.
 */
public record DiskEnv(Scheduler scheduler, RandomStreams randoms, Recorder recorder) {
    /** The random stream of the device or neighbour called {@code name}. */
    public SimRandom random(String name) {
        return randoms.stream("disk/" + name);
    }

    /** A fresh metrics sink for the device called {@code name}. */
    public DiskMetrics metricsFor(String name) {
        return new DiskMetrics(recorder, scheduler, name);
    }
}
