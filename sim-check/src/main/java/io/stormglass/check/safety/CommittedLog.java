package io.stormglass.check.safety;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.log.Entry;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every entry known to be committed, cluster-wide: the first entry seen committed at each index,
 * an upper bound of the term in which it was committed, and the client writes it carries, so that
 * an acknowledgement can be traced to its entry.
 */
final class CommittedLog {
    /**
     * One committed entry.
     *
     * @param entry          the entry
     * @param committedBy    upper bound of the term whose leader committed it: the highest term any
     *                       member had reported when the commit was first seen. Every leader of a
     *                       higher term must hold it (§5.4.3's argument needs only that bound)
     * @param firstSeenBy    the member that first reported it committed
     * @param acknowledged   whether a client was told the write in it succeeded
     */
    record Committed(Entry entry, long committedBy, int firstSeenBy, boolean acknowledged) {
        Committed acknowledge() {
            return new Committed(entry, committedBy, firstSeenBy, true);
        }
    }

    private final TreeMap<Long, Committed> byIndex = new TreeMap<>();
    /** "key\0value" of each put a committed entry carries (also inside a txn) to the first index carrying it. */
    private final Map<String, Long> writes = new TreeMap<>();

    Committed at(long index) {
        return byIndex.get(index);
    }

    int size() {
        return byIndex.size();
    }

    /** Records a first sighting; returns false if the index was already known (the caller compares). */
    boolean add(Entry entry, long committedBy, int member) {
        if (byIndex.containsKey(entry.index())) {
            return false;
        }
        byIndex.put(entry.index(), new Committed(entry, committedBy, member, false));
        indexWrites(entry);
        return true;
    }

    /** The committed entries decided in a term lower than {@code term}. */
    Iterable<Committed> committedBefore(long term) {
        return byIndex.values().stream().filter(c -> c.committedBy() < term)::iterator;
    }

    /**
     * Marks the committed entry that writes {@code value} to {@code key} as acknowledged.
     *
     * @return its index, or -1 if no committed entry writes it
     */
    long acknowledge(String key, String value) {
        Long index = writes.get(key + '\0' + value);
        if (index == null) {
            return -1;
        }
        byIndex.computeIfPresent(index, (i, c) -> c.acknowledge());
        return index;
    }

    private void indexWrites(Entry entry) {
        if (entry.data().length == 0) {
            return; // a leader's no-op
        }
        KvCommand command;
        try {
            command = KvCodec.decodeProposal(entry.data()).command();
        } catch (RuntimeException notAKvProposal) {
            return; // a payload this checker does not understand carries no client write it can trace
        }
        indexCommand(command, entry.index());
    }

    private void indexCommand(KvCommand command, long index) {
        if (command instanceof KvCommand.Put p) {
            writes.putIfAbsent(p.key() + '\0' + p.value(), index);
        } else if (command instanceof KvCommand.Txn t) {
            for (KvCommand c : t.success()) {
                indexCommand(c, index);
            }
            for (KvCommand c : t.failure()) {
                indexCommand(c, index);
            }
        }
    }
}
