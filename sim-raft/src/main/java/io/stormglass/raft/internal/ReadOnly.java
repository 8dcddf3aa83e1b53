package io.stormglass.raft.internal;

import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.message.MsgReadIndex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pending ReadIndex requests of a leader (thesis §6.4; etcd-io/raft {@code readOnly}): each waits for
 * heartbeat acknowledgements from a quorum; confirming one confirms every request queued before it.
 */
final class ReadOnly {
    /** A request, the commit index it was received at, and who acknowledged its heartbeat round. */
    record Status(MsgReadIndex request, long index, TreeMap<Long, Boolean> acks) {
    }

    private final ReadOnlyOption option;
    private final TreeMap<String, Status> pending = new TreeMap<>();
    private final List<String> queue = new ArrayList<>();

    ReadOnly(ReadOnlyOption option) {
        this.option = option;
    }

    ReadOnlyOption option() {
        return option;
    }

    private static String key(byte[] context) {
        // Latin-1 maps each byte to one char: a lossless, value-equal key.
        return new String(context, StandardCharsets.ISO_8859_1);
    }

    /** Queues a request received when the commit index was {@code index}; duplicates are ignored. */
    void addRequest(long index, MsgReadIndex request) {
        String k = key(request.context());
        if (pending.containsKey(k)) {
            return;
        }
        pending.put(k, new Status(request, index, new TreeMap<>()));
        queue.add(k);
    }

    /** Records {@code id}'s acknowledgement of the round {@code context}; null if no such round. */
    Map<Long, Boolean> recvAck(long id, byte[] context) {
        Status s = pending.get(key(context));
        if (s == null) {
            return null;
        }
        s.acks().put(id, true);
        return s.acks();
    }

    /** Removes and returns the request {@code context} and every request queued before it. */
    List<Status> advance(byte[] context) {
        String k = key(context);
        int i = queue.indexOf(k);
        if (i < 0) {
            return List.of();
        }
        List<Status> done = new ArrayList<>(i + 1);
        for (String q : queue.subList(0, i + 1)) {
            Status s = pending.remove(q);
            if (s == null) {
                throw new IllegalStateException("cannot find corresponding read state from pending map");
            }
            done.add(s);
        }
        queue.subList(0, i + 1).clear();
        return done;
    }

    /** Context of the newest pending request, or null. */
    byte[] lastPendingRequestContext() {
        return queue.isEmpty() ? null : pending.get(queue.get(queue.size() - 1)).request().context();
    }

    /** Forgets every pending request (on a role or term change: their heartbeat rounds are void). */
    void reset() {
        pending.clear();
        queue.clear();
    }

    int pendingCount() {
        return queue.size();
    }
}
