package io.stormglass.run;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.KvClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The load phase before a measured load ({@code workload.preload}): every client, on its own
 * connection, writes the next key not yet written until keys {@code 0 .. count-1} all exist, each
 * once; the calls are kept out of the metrics and the history. A write that fails is written
 * again. When the last is acknowledged, the measured load starts.
 */
final class Preloader {
    private final Scheduler scheduler;
    private final int count;
    private final List<KvClient.Caller> writers = new ArrayList<>();
    private final Keys keys;
    private final Supplier<String> values;
    private final long stopNanos;
    private int next;
    private int done;
    private Runnable then;

    Preloader(Scheduler scheduler, int count, List<KvClient.Caller> clients, Keys keys, Supplier<String> values,
            long stopNanos) {
        this.scheduler = scheduler;
        this.count = count;
        this.keys = keys;
        this.values = values;
        this.stopNanos = stopNanos;
        for (KvClient.Caller c : clients) {
            writers.add(c.connection().caller(c.process(), false));
        }
    }

    /** Writes the keys, then runs {@code measured} (at once when there is nothing to preload). */
    void run(Runnable measured) {
        if (count == 0) {
            measured.run();
            return;
        }
        this.then = measured;
        for (KvClient.Caller w : writers) {
            writeNext(w);
        }
    }

    private void writeNext(KvClient.Caller writer) {
        if (next >= count || scheduler.nowNanos() >= stopNanos) {
            return;
        }
        write(writer, next++);
    }

    private void write(KvClient.Caller writer, int key) {
        writer.put(keys.name(key), values.get(), (ClientResult r) -> {
            if (!r.ok()) {
                if (scheduler.nowNanos() < stopNanos) {
                    write(writer, key);
                }
                return;
            }
            if (++done == count) {
                then.run();
            } else {
                writeNext(writer);
            }
        });
    }
}
