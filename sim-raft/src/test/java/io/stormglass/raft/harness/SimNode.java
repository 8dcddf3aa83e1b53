package io.stormglass.raft.harness;

import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.RawNode;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.Ready;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One member in the test harness: the core, its stable storage (which survives crashes), and the
 * application state machine (the applied entries, rebuilt from the snapshot on restart).
 */
public final class SimNode {
    final long id;
    final RaftConfig config;
    final MemoryStorage storage;
    RawNode node;
    boolean up = true;
    /** A Ready whose messages may already be out but which is not yet persisted (thesis §10.2.1). */
    Ready pending;
    /** Applied entries, by index (index 0 unused); prefix up to the snapshot is restored on restart. */
    final List<Entry> applied = new ArrayList<>();
    final List<ReadState> readStates = new ArrayList<>();
    /**
     * The configuration in force after applying each index at which it changed (what
     * {@code applyConfChange} returned, or a snapshot's), so a snapshot at any applied index carries the
     * configuration as of that index (§7).
     */
    final TreeMap<Long, ConfState> confStates = new TreeMap<>();

    SimNode(long id, RaftConfig config, MemoryStorage storage) {
        this.id = id;
        this.config = config;
        this.storage = storage;
        applied.add(new Entry(0, 0, io.stormglass.raft.log.EntryType.NORMAL, null));
        confStates.put(0L, storage.snapshot().metadata().confState());
    }

    /** The configurations in force from each index at which one was applied (or restored), ascending. */
    public java.util.SortedMap<Long, ConfState> confStates() {
        return java.util.Collections.unmodifiableSortedMap(confStates);
    }

    /** The configuration as of applied index {@code index}. */
    public ConfState confStateAt(long index) {
        return confStates.floorEntry(index).getValue();
    }

    /** Forgets the configurations after {@code index} and records {@code cs} there (snapshot, restart). */
    void resetConfStates(long index, ConfState cs) {
        confStates.tailMap(index, true).clear();
        confStates.put(index, cs);
    }

    public long id() {
        return id;
    }

    public RawNode node() {
        return node;
    }

    public MemoryStorage storage() {
        return storage;
    }

    public boolean isUp() {
        return up;
    }

    public List<Entry> applied() {
        return applied;
    }

    public List<ReadState> readStates() {
        return readStates;
    }
}
