package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The watch guarantee, over random puts, deletes, compactions, slow streams (small buffers drained
 * at random), reconnects (a client cancels and re-watches from the revision after the last event it
 * saw, as clientv3 does) and the sync and victim loops run at random: every watcher receives each
 * matching event exactly once, in revision order, with no gap, or is cancelled with the compaction
 * revision, after which it has seen a prefix of them with no gap. Watchers start from a past, the
 * next or a future revision; one from a future revision sees nothing before it.
 */
class WatchProperties {
    /** A client's view of one logical watch across reconnects. */
    private static final class Client implements WatchableStore.Stream {
        final String key;
        final String rangeEnd;
        final long start;
        final int capacity;
        final Deque<WatchResponse> buffer = new ArrayDeque<>();
        final List<WatchEvent> seen = new ArrayList<>();
        long watchId;
        long compactedAt;
        boolean canceled;

        Client(String key, String rangeEnd, long start, int capacity) {
            this.key = key;
            this.rangeEnd = rangeEnd;
            this.start = start;
            this.capacity = capacity;
        }

        @Override
        public boolean offer(WatchResponse r) {
            if (buffer.size() >= capacity) {
                return false;
            }
            buffer.add(r);
            return true;
        }

        void drainOne() {
            WatchResponse r = buffer.poll();
            if (r == null || r.watchId() != watchId) {
                return; // nothing, or a response of a watch this client already cancelled
            }
            if (r.canceled()) {
                canceled = true;
                compactedAt = r.compactRevision();
            }
            seen.addAll(r.events());
        }

        long resumeFrom() {
            return seen.isEmpty() ? start : seen.get(seen.size() - 1).revision() + 1;
        }

        boolean matches(String k) {
            return rangeEnd.isEmpty() ? k.equals(key) : k.compareTo(key) >= 0 && k.compareTo(rangeEnd) < 0;
        }
    }

    @Provide
    Arbitrary<List<Integer>> steps() {
        return Arbitraries.integers().between(0, 99).list().ofMinSize(20).ofMaxSize(300);
    }

    @Property(tries = 300)
    void everyWatcherSeesEachEventOnceInOrderOrIsCancelledForCompaction(@ForAll("steps") List<Integer> steps,
            @ForAll @IntRange(min = 1, max = 4) int capacity) {
        KvStore kv = new KvStore();
        WatchableStore store = new WatchableStore(kv);
        List<WatchEvent> all = new ArrayList<>();
        List<Client> clients = new ArrayList<>();
        String[] keys = {"a", "b", "c"};
        int n = 0;
        for (int step : steps) {
            n++;
            long before = kv.revision();
            if (step < 35) {
                kv.apply(new KvCommand.Put(keys[step % 3], "v" + n, 0));
            } else if (step < 45) {
                kv.apply(new KvCommand.Delete(keys[step % 3], step % 2 == 0 ? "" : "z"));
            } else if (step < 50) {
                kv.apply(new KvCommand.Compact(Math.max(1, kv.revision() - step % 4)));
            } else if (step < 58 && clients.size() < 6) {
                // from a past revision, the next one, or a future one (a client that listed on a member ahead of this one)
                Client c = new Client(keys[step % 3], step % 2 == 0 ? "" : "c", Math.max(1, kv.revision() + 2 - step % 5), capacity);
                c.watchId = store.watch(c, c.key, c.rangeEnd, c.start);
                clients.add(c);
            } else if (step < 63 && !clients.isEmpty()) {
                Client c = clients.get(step % clients.size());
                if (!c.canceled) { // reconnect: a new stream, watching again from after the last event seen
                    store.cancel(c.watchId);
                    c.buffer.clear();
                    c.watchId = store.watch(c, c.key, c.rangeEnd, c.resumeFrom());
                }
            } else if (step < 75) {
                store.syncUnsynced();
            } else if (step < 82) {
                store.retryVictims();
            } else {
                clients.forEach(Client::drainOne);
            }
            all.addAll(kv.eventsBetween(before + 1, kv.revision()));
        }
        for (int round = 0; round < 10_000 && clients.stream().anyMatch(c -> !c.buffer.isEmpty()) || round < 3; round++) {
            store.syncUnsynced();
            store.retryVictims();
            clients.forEach(c -> {
                while (!c.buffer.isEmpty()) {
                    c.drainOne();
                }
            });
        }
        assertEquals(0, store.slowWatcherCount(), "once everything is drained, no watcher is slow");
        for (Client c : clients) {
            List<WatchEvent> expected = all.stream().filter(e -> e.revision() >= c.start && c.matches(e.kv().key())).toList();
            if (c.canceled) {
                assertTrue(c.compactedAt > c.resumeFrom(), "cancelled because the next revision it needed was compacted");
                assertEquals(expected.subList(0, c.seen.size()), c.seen, "before the cancel, a prefix without gap");
            } else {
                assertEquals(expected, c.seen, "each event once, in revision order, no gap");
            }
        }
    }
}
