package io.stormglass.bench;

import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.kv.WatchEvent;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What an unsynced watcher's catch-up read costs ({@link KvStore#eventsBetween}, which the watchable
 * store's sync loop calls for every unsynced watcher every 100 ms): the events of one revision, read
 * back from the history of a store holding {@code keys} keys (the k8s scenarios pre-populate 100 000).
 * The revision read is the one before the newest, so the read goes to the history, not to the newest
 * revision's events the store keeps as they were made. A flat score across key counts is the goal
 * (etcd reads it from its revision-ordered key bucket); scores are nanoseconds per read. Even the
 * slowest read (milliseconds, on 100 000 keys, before the revision index) repeats hundreds of times
 * in a one-second iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class WatchCatchUpBenchmark {
    @Param({"1000", "100000"})
    public int keys;

    private KvStore store;
    private long revision;

    @Setup(Level.Trial)
    public void setUp() {
        store = new KvStore();
        for (int i = 0; i < keys; i++) {
            store.apply(new KvCommand.Put(String.format("/registry/pods/default/pod-%06d", i), "v", 0));
        }
        // one revision of three changes, then a newer one so that the read goes to the history
        store.apply(new KvCommand.Txn(List.of(), List.of(
                new KvCommand.Put("/registry/pods/default/pod-000007", "w", 0),
                new KvCommand.Put("/registry/pods/default/pod-000003", "w", 0),
                new KvCommand.Delete("/registry/pods/default/pod-000005", "")), List.of()));
        revision = store.revision();
        store.apply(new KvCommand.Put("/registry/events/default/e", "x", 0));
    }

    @Benchmark
    public List<WatchEvent> oneRevision() {
        return store.eventsBetween(revision, revision);
    }
}
