package io.stormglass.run;

import io.stormglass.engine.event.Clock;
import io.stormglass.raft.client.ClientResult;

/** Measures the load's requests as the benchmark tool does, into a {@link LoadSummary}. */
final class LoadMeter {
    private final Clock clock;
    private long requests;
    private long succeeded;
    private long latencySum;
    private long first = -1;
    private long last = -1;

    LoadMeter(Clock clock) {
        this.clock = clock;
    }

    /** A measured request is issued now. */
    void issued() {
        if (first < 0) {
            first = clock.nowNanos();
        }
    }

    /** A measured request ended now with {@code r}. */
    void ended(ClientResult r) {
        requests++;
        if (r.ok()) {
            succeeded++;
            latencySum += r.latencyNanos();
        }
        last = clock.nowNanos();
    }

    LoadSummary summary() {
        return new LoadSummary(requests, succeeded, latencySum, first, last);
    }
}
