package io.stormglass.raft.message;

import io.stormglass.raft.log.Entry;
import java.util.List;

/**
 * A proposal: entries a client wants appended. Local to a member or forwarded by a follower to the
 * leader; not bound to a term (term 0). Entry terms and indexes are assigned by the leader.
 */
public record MsgProp(long from, long to, long term, List<Entry> entries) implements Message {
    public MsgProp {
        entries = List.copyOf(entries);
    }
}
