package io.stormglass.raft.client;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.kv.WatchEvent;
import io.stormglass.raft.kv.WatchResponse;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One logical watch as a Kubernetes apiserver keeps it with clientv3: it watches on one member and
 * remembers the revision of the last event seen. When the member is gone, the client notices at
 * its next gRPC keepalive ({@value #KEEPALIVE_NANOS} ns) plus the keepalive timeout
 * ({@value #KEEPALIVE_TIMEOUT_NANOS} ns), the apiserver's settings (k8s.io/apiserver
 * storagebackend/factory/etcd3.go: keepaliveTime 30 s, keepaliveTimeout 10 s), and watches again on
 * the next endpoint from the revision after the last event, so nothing is lost or repeated. When
 * its watcher is cancelled because that revision was compacted, it lists the range again (a
 * linearizable range) and watches from the list's revision (the reflector's re-list). When its stream
 * breaks (the connection was lost), it cancels the watcher and watches again from the revision after the
 * last event on the next endpoint, as clientv3 resumes its watchers on a new stream.
 */
public final class WatchSession {
    private static final EventKind KEEPALIVE = EventKind.named("client.watch-keepalive");
    static final long KEEPALIVE_NANOS = 30_000_000_000L;
    static final long KEEPALIVE_TIMEOUT_NANOS = 10_000_000_000L;

    /** What the owner of a session hears. */
    public interface Listener {
        void events(List<WatchEvent> events);

        /** The watcher was cancelled for compaction; a re-list follows. */
        default void compacted(long compactRevision) {
        }
    }

    private final Scheduler scheduler;
    private final KvClient client;
    private final String key;
    private final String rangeEnd;
    private final IntPredicate memberUp;
    private final Listener listener;
    private int endpoint;
    private int member;
    private long requestId;
    private long watchId;
    private long nextRevision;
    private long rewatches;
    private long relists;
    private long outOfOrder;

    /**
     * @param memberUp whether a member's process is up: what the keepalive finds out, after its delay
     */
    public WatchSession(Scheduler scheduler, KvClient client, String key, String rangeEnd, IntPredicate memberUp,
            Listener listener) {
        this.scheduler = scheduler;
        this.client = client;
        this.key = key;
        this.rangeEnd = rangeEnd;
        this.memberUp = memberUp;
        this.listener = listener;
    }

    /** Starts watching on {@code member} from {@code startRevision} (0: the next revision). */
    public void start(int member, long startRevision) {
        this.endpoint = Math.max(0, client.endpoints().indexOf(member));
        this.nextRevision = startRevision;
        open();
        scheduler.schedule(KEEPALIVE_NANOS, KEEPALIVE, client.nodeId(), this::keepalive);
    }

    public long rewatches() {
        return rewatches;
    }

    public long relists() {
        return relists;
    }

    /** Responses whose first event was not after the last event seen (etcd's guarantee says none). */
    public long outOfOrder() {
        return outOfOrder;
    }

    private void open() {
        member = client.endpoints().get(endpoint);
        watchId = 0;
        requestId = client.watch(member, key, rangeEnd, nextRevision, new WatchListener() {
            @Override
            public void response(WatchResponse response) {
                onResponse(response);
            }

            @Override
            public void broken() {
                streamBroken();
            }
        });
    }

    private void onResponse(WatchResponse r) {
        if (watchId == 0) {
            watchId = r.watchId();
        }
        if (r.canceled()) {
            listener.compacted(r.compactRevision());
            relist();
            return;
        }
        if (!r.events().isEmpty()) {
            if (r.events().get(0).revision() < nextRevision) {
                outOfOrder++; // an event at or before one already seen: a repeat or a reordering
            }
            nextRevision = r.events().get(r.events().size() - 1).revision() + 1;
            listener.events(r.events());
        }
    }

    private void streamBroken() {
        rewatches++;
        client.cancelWatch(member, requestId, watchId);
        endpoint = (endpoint + 1) % client.endpoints().size();
        open();
    }

    private void relist() {
        relists++;
        client.cancelWatch(member, requestId, 0);
        client.range(key, rangeEnd.isEmpty() ? key + "\0" : rangeEnd, 0, 0, true, result -> {
            if (result.ok()) {
                nextRevision = ((KvResult.RangeResult) result.result()).revision() + 1;
                open();
            } else {
                scheduler.schedule(KEEPALIVE_TIMEOUT_NANOS / 10, KEEPALIVE, client.nodeId(), this::relist);
            }
        });
    }

    private void keepalive() {
        if (!memberUp.test(member)) {
            // the keepalive ping goes unanswered: the stream is declared dead after the timeout
            scheduler.schedule(KEEPALIVE_TIMEOUT_NANOS, KEEPALIVE, client.nodeId(), () -> {
                rewatches++;
                client.cancelWatch(member, requestId, 0);
                endpoint = (endpoint + 1) % client.endpoints().size();
                open();
                scheduler.schedule(KEEPALIVE_NANOS, KEEPALIVE, client.nodeId(), this::keepalive);
            });
            return;
        }
        scheduler.schedule(KEEPALIVE_NANOS, KEEPALIVE, client.nodeId(), this::keepalive);
    }
}
