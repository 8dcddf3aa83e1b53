package io.stormglass.raft.harness;

import io.stormglass.raft.ReadState;
import io.stormglass.raft.log.ByteString;
import java.util.Collection;
import java.util.TreeMap;

/**
 * Thesis §6.4: a linearizable read is answered at an index no older than any commit index some member
 * knew when the read was requested. Records that floor per request and checks each answer against it.
 */
final class StaleReadCheck {
    private final TreeMap<ByteString, Long> floor = new TreeMap<>();

    /** A read with {@code context} is requested now, while {@code members} are as they are. */
    void requested(ByteString context, Collection<SimNode> members) {
        long max = 0;
        for (SimNode n : members) {
            max = Math.max(max, n.up ? n.node.core().log().committed() : n.storage.initialState().hardState().commit());
        }
        floor.putIfAbsent(context, max);
    }

    /** Fails if {@code rs}, answered at member {@code id}, is older than its request's floor. */
    void answered(long id, ReadState rs) {
        Long f = floor.get(rs.requestContext());
        if (f != null && rs.index() < f) {
            throw new AssertionError("stale read on " + id + ": read index " + rs.index() + " but " + f
                    + " was committed before the read was requested");
        }
    }
}
