package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.client.WatchSession;
import io.stormglass.raft.kv.WatchEvent;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The scenario's watchers ({@code workload.watchers}): watcher {@code i} watches
 * {@code keysEach} consecutive keys from key {@code i · keysEach mod count} through a
 * {@link WatchSession} on connection {@code i mod connections}, starting on that connection's
 * home member; all start at the warmup's end, a millisecond apart per hundred (an apiserver
 * starting its watches). Counts what they receive, their re-watches and their re-lists.
 */
final class WatchFleet {
    private static final EventKind START = EventKind.named("workload.watchers-start");

    private final Scheduler scheduler;
    private final WorkloadSpec.Watchers spec;
    private final List<KvClient> connections;
    private final Keys keys;
    private final int keyCount;
    private final IntPredicate memberUp;
    private final Counter events;
    private final List<WatchSession> sessions = new ArrayList<>();

    WatchFleet(Scheduler scheduler, WorkloadSpec workload, List<KvClient> connections, IntPredicate memberUp, Recorder recorder) {
        this.scheduler = scheduler;
        this.spec = workload.watchers();
        this.connections = connections;
        this.keys = new Keys(workload.keys(), workload.shape());
        this.keyCount = workload.keys().count();
        this.memberUp = memberUp;
        this.events = recorder.counter(Metric.CLIENT_WATCH_EVENTS.id());
    }

    void start(long atNanos, List<Integer> members) {
        for (int i = 0; i < spec.count(); i++) {
            int watcher = i;
            scheduler.scheduleAt(atNanos + (i / 100) * 1_000_000L, START, i, () -> open(watcher, members));
        }
    }

    private void open(int i, List<Integer> members) {
        KvClient c = connections.get(i % connections.size());
        int first = (int) ((long) i * spec.keysEach() % keyCount);
        int last = first + spec.keysEach();
        String end = spec.keysEach() == 1 ? "" : last < keyCount ? keys.name(last) : keys.name(keyCount - 1) + "\0";
        WatchSession s = new WatchSession(scheduler, c, keys.name(first), end, memberUp, new WatchSession.Listener() {
            @Override
            public void events(List<WatchEvent> received) {
                events.add(received.size());
            }
        });
        sessions.add(s);
        s.start(members.get(Math.floorMod(c.nodeId(), members.size())), 0);
    }

    /** Re-watches after a member was found gone, all watchers together. */
    long rewatches() {
        return sessions.stream().mapToLong(WatchSession::rewatches).sum();
    }

    /** Re-lists after a compaction cancelled a watcher, all watchers together. */
    long relists() {
        return sessions.stream().mapToLong(WatchSession::relists).sum();
    }
}
