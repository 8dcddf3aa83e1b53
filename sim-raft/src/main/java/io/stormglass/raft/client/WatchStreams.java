package io.stormglass.raft.client;

import io.stormglass.raft.server.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A client's watches and its watch streams, one per member (etcd's clientv3 watcher over gRPC): the
 * responses of a stream come in order, without gaps, as TCP delivers them. A message that is missing
 * or out of order (the simulated network may lose or reorder one where TCP would have reset the
 * connection) means the connection broke: every watch on that stream is closed and its listener told
 * ({@link WatchListener#broken}), as clientv3 sees its stream fail; it re-watches. A stream with a newer
 * id (the member's process was restarted and a new stream opened) replaces the old, whose late
 * messages are dropped.
 */
final class WatchStreams {
    private record Watch(int member, WatchListener listener) {
    }

    private final int client;
    private final Map<Long, Watch> watches = new TreeMap<>();
    /** Per member: {stream id, the sequence number expected next}. */
    private final Map<Integer, long[]> streams = new TreeMap<>();
    private WatchObserver observer = WatchObserver.NONE;

    WatchStreams(int client) {
        this.client = client;
    }

    void observe(WatchObserver watchObserver) {
        this.observer = watchObserver;
    }

    /** A watch was requested from {@code member} under {@code requestId}. */
    void opened(long requestId, int member, String key, String rangeEnd, long startRevision, WatchListener listener) {
        watches.put(requestId, new Watch(member, listener));
        observer.watchRequested(client, requestId, member, key, rangeEnd, startRevision);
    }

    /** The client stops listening to a watch. */
    void closed(long requestId) {
        if (watches.remove(requestId) != null) {
            observer.watchClosed(client, requestId);
        }
    }

    /** A message of {@code member}'s stream arrived, for the watch created by {@code requestId}. */
    void received(int member, long requestId, Wire.ClientReply.Watched message) {
        long[] stream = streams.get(member);
        if (stream == null || message.streamId() > stream[0]) {
            stream = new long[] {message.streamId(), 1};
            streams.put(member, stream);
        } else if (message.streamId() < stream[0]) {
            return; // a late message of a stream already replaced
        }
        if (message.seq() != stream[1]) {
            stream[1] = message.seq() + 1;
            breakStream(member);
            return;
        }
        stream[1]++;
        Watch watch = watches.get(requestId);
        if (watch != null) {
            observer.watchResponse(client, requestId, message.response());
            watch.listener().response(message.response());
        }
    }

    private void breakStream(int member) {
        List<Long> broken = new ArrayList<>();
        watches.forEach((id, w) -> {
            if (w.member() == member) {
                broken.add(id);
            }
        });
        for (long id : broken) {
            Watch w = watches.remove(id);
            observer.watchClosed(client, id);
            w.listener().broken();
        }
    }
}
