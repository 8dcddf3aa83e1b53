package io.stormglass.raft.server.internal;

import io.stormglass.raft.kv.KvSnapshot;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.wal.Snapshotter;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The key-value state each of a member's snapshots stands for: what etcd's backend database file holds
 * for it. etcd's {@code .snap} file carries the membership only ({@link MembershipStoreImage}); before
 * saving one, {@code EtcdServer.snapshot} commits the backend ({@code KV().Commit()}: "this guarantees
 * that Backend's consistent_index is >= index of last snapshot"), and a snapshot received from the
 * leader comes with its database file ({@code <index>.snap.db}, {@link SnapshotReceiver}). A restart
 * opens the database at that state and replays the WAL after the snapshot, which is what the simulation
 * does by restoring {@link #stateOf} the snapshot it loaded and applying the WAL's entries after it.
 *
 * <p>Owned by the {@link io.stormglass.raft.server.Member}, so it outlives a crash as the database file
 * does; what a power loss does to a snapshot stays the business of its {@code .snap} file (a state is
 * looked up only for a file that loaded). States are kept as long as their file may be loaded:
 * {@link #retainLoadable} drops the others, releasing them ({@link KvSnapshot#release}), so the views of a
 * live store are few and the views of a dead incarnation's store go with its last file.
 */
public final class SnapshotStates {
    /** A snapshot's identity: its file is named by term and index. */
    private record Id(long index, long term) implements Comparable<Id> {
        @Override
        public int compareTo(Id o) {
            int byIndex = Long.compare(index, o.index);
            return byIndex != 0 ? byIndex : Long.compare(term, o.term);
        }
    }

    private final NavigableMap<Id, KvSnapshot> states = new TreeMap<>();

    /** Records {@code state} as the state of the snapshot at {@code term}/{@code index}, replacing (and releasing) any earlier one. */
    void put(long term, long index, KvSnapshot state) {
        KvSnapshot old = states.put(new Id(index, term), state);
        if (old != null && old != state) {
            old.release();
        }
    }

    /**
     * The state of {@code snapshot}, whose file (or received database) this member holds.
     *
     * @throws IllegalStateException if none was recorded (a bug: every saved or received snapshot records one)
     */
    KvSnapshot stateOf(Snapshot snapshot) {
        KvSnapshot state = states.get(new Id(snapshot.index(), snapshot.term()));
        if (state == null) {
            throw new IllegalStateException("no key-value state recorded for the snapshot at index " + snapshot.index()
                    + " term " + snapshot.term());
        }
        return state;
    }

    /**
     * Drops the states no snapshot file of {@code snapshotter} can load any more: those whose file is gone
     * (purged, renamed broken) and that are older than the newest file. A state newer than every file is
     * kept: a received snapshot's, recorded when its database arrived, before Raft persists its file.
     */
    void retainLoadable(Snapshotter snapshotter) {
        Id newestFile = null;
        for (Id id : states.descendingKeySet()) {
            if (snapshotter.exists(id.term(), id.index())) {
                newestFile = id;
                break;
            }
        }
        if (newestFile == null) {
            return;
        }
        Iterator<Map.Entry<Id, KvSnapshot>> it = states.headMap(newestFile, false).entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Id, KvSnapshot> e = it.next();
            if (!snapshotter.exists(e.getKey().term(), e.getKey().index())) {
                e.getValue().release();
                it.remove();
            }
        }
    }

    /** How many states are held. */
    int size() {
        return states.size();
    }
}
