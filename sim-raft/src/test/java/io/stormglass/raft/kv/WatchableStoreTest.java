package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A watcher created on a member that lags behind the revision it asks for: it starts in the synced
 * group (etcd: {@code startRev > currentRev}), and the revisions the member applies while catching up
 * to its start are not its events. Found by the fault-schedule properties (seed 323): a client
 * re-listed on the leader (revision 36), re-watched on a lagging member (revision 34) from 37, and got
 * revision 36 from notify.
 */
class WatchableStoreTest {
    /** A stream with room for everything, remembering the revisions of the events it got. */
    private static final class Recorder implements WatchableStore.Stream {
        final List<Long> revisions = new ArrayList<>();

        @Override
        public boolean offer(WatchResponse response) {
            response.events().forEach(e -> revisions.add(e.revision()));
            return true;
        }
    }

    private static void put(KvStore kv, int times) {
        for (int i = 0; i < times; i++) {
            kv.apply(new KvCommand.Put("k", "v" + kv.revision(), 0));
        }
    }

    @Test
    void aWatcherOfAFutureRevisionGetsNothingBeforeIt() {
        KvStore kv = new KvStore();
        WatchableStore store = new WatchableStore(kv);
        put(kv, 3); // revision 4 (the empty store is at 1)
        Recorder stream = new Recorder();
        store.watch(stream, "k", "", 7);
        put(kv, 5); // revisions 5..9
        store.syncUnsynced();
        store.retryVictims();
        assertEquals(List.of(7L, 8L, 9L), stream.revisions, "etcd's newWatcherBatch skips revisions below the watcher's minRev");
        assertEquals(0, store.slowWatcherCount());
    }

    @Test
    void aSnapshotRestoreBelowAFutureWatchersStartDoesNotLowerIt() {
        KvStore leader = new KvStore();
        put(leader, 4); // revision 5
        byte[] snapshot = KvCodec.encodeSnapshot(leader);
        put(leader, 4); // revisions 6..9: what the member applies after the snapshot

        KvStore member = new KvStore();
        WatchableStore store = new WatchableStore(member);
        member.onRestore(store::restored); // as the member's watch server wires it
        Recorder stream = new Recorder();
        store.watch(stream, "k", "", 8);
        KvCodec.restoreSnapshot(member, snapshot); // restore moves the synced watcher to unsynced
        store.syncUnsynced(); // at revision 5: nothing to send, and its next revision stays 8 (not 6)
        for (long rev = 6; rev <= 9; rev++) {
            member.apply(new KvCommand.Put("k", "v" + rev, 0));
        }
        store.syncUnsynced();
        assertEquals(List.of(8L, 9L), stream.revisions, "etcd's syncWatchers keeps max(curRev+1, minRev)");
        assertEquals(0, store.slowWatcherCount());
    }
}
