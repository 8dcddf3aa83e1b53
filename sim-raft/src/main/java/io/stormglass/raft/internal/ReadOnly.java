package io.stormglass.raft.internal;

import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.log.ByteString;
import io.stormglass.raft.message.MsgReadIndex;
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
    private final TreeMap<ByteString, Status> pending = new TreeMap<>();
    private final List<ByteString> queue = new ArrayList<>();

    ReadOnly(ReadOnlyOption option) {
        this.option = option;
    }

    ReadOnlyOption option() {
        return option;
    }

    /** Queues a request received when the commit index was {@code index}; duplicates are ignored. */
    void addRequest(long index, MsgReadIndex request) {
        ByteString k = request.context();
        if (pending.containsKey(k)) {
            return;
        }
        pending.put(k, new Status(request, index, new TreeMap<>()));
        queue.add(k);
    }

    /** Records {@code id}'s acknowledgement of the round {@code context}; null if no such round. */
    Map<Long, Boolean> recvAck(long id, ByteString context) {
        Status s = pending.get(context);
        if (s == null) {
            return null;
        }
        s.acks().put(id, true);
        return s.acks();
    }

    /** Removes and returns the request {@code context} and every request queued before it. */
    List<Status> advance(ByteString context) {
        int i = queue.indexOf(context);
        if (i < 0) {
            return List.of();
        }
        List<Status> done = new ArrayList<>(i + 1);
        for (ByteString q : queue.subList(0, i + 1)) {
            Status s = pending.remove(q);
            if (s == null) {
                throw new IllegalStateException("cannot find corresponding read state from pending map");
            }
            done.add(s);
        }
        queue.subList(0, i + 1).clear();
        return done;
    }

    /** Context of the newest pending request, or empty. */
    ByteString lastPendingRequestContext() {
        return queue.isEmpty() ? ByteString.EMPTY : queue.get(queue.size() - 1);
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
