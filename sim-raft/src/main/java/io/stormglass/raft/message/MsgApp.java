package io.stormglass.raft.message;

import io.stormglass.raft.log.Entry;
import java.util.List;

/**
 * AppendEntries (§5.3): {@code entries} follow the entry at {@code index} whose term is
 * {@code logTerm}; {@code commit} is the leader's commit index.
 */
public record MsgApp(long from, long to, long term, long logTerm, long index, List<Entry> entries, long commit)
        implements Message {
    public MsgApp {
        entries = List.copyOf(entries);
    }
}
