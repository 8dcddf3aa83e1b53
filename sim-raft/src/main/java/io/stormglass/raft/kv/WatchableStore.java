package io.stormglass.raft.kv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * etcd's watchable store on one member (server/storage/mvcc/watchable_store.go): every watcher is
 * in one of three groups.
 * <ul>
 *   <li><b>synced</b>: it has seen everything up to the current revision; each new revision's
 *       matching events are sent to it at once ({@code notify});</li>
 *   <li><b>unsynced</b>: it asked for an older revision, or fell behind; every
 *       {@value #SYNC_INTERVAL_NANOS} ns ({@code watchResyncInterval}) {@link #syncUnsynced()}
 *       sends up to {@value #MAX_WATCHERS_PER_SYNC} of them ({@code maxWatchersPerSync}) the events
 *       from their next revision to the current one, read from the store's history; a watcher whose
 *       next revision was compacted away is cancelled with the compaction revision;</li>
 *   <li><b>victim</b>: its stream's send buffer was full when events were due; they wait with it and
 *       {@link #retryVictims()} (every {@value #VICTIM_RETRY_NANOS} ns, etcd's victim loop) sends
 *       them once there is room, then the watcher rejoins the synced or unsynced group.</li>
 * </ul>
 * A watcher may ask for a revision after the current one (a client that listed on a member ahead watches
 * a member that lags behind it): it waits in the synced group, and neither notify nor the sync loop
 * sends it anything before its start revision.
 * So every watcher gets each matching event once, in revision order, or is cancelled. The streams
 * ({@link Stream}) are the per-connection send buffers ({@code chanBufLen} = {@value #STREAM_BUFFER}
 * responses in etcd). Single-threaded, deterministic (watchers in id order).
 */
public final class WatchableStore {
    public static final long SYNC_INTERVAL_NANOS = 100_000_000L;
    public static final long VICTIM_RETRY_NANOS = 10_000_000L;
    public static final int MAX_WATCHERS_PER_SYNC = 512;
    /** etcd's {@code chanBufLen}: responses a watch stream buffers before its watchers become victims. */
    public static final int STREAM_BUFFER = 128;

    /** A watch stream's send buffer. */
    public interface Stream {
        /** Queues a response; false (and nothing queued) when the buffer is full. */
        boolean offer(WatchResponse response);
    }

    private enum Group { SYNCED, UNSYNCED, VICTIM }

    private static final class Watcher {
        final long id;
        final Stream stream;
        final String key;
        final String rangeEnd;
        long minRev;
        Group group = Group.SYNCED;
        List<WatchEvent> pending = List.of();

        Watcher(long id, Stream stream, String key, String rangeEnd, long minRev) {
            this.id = id;
            this.stream = stream;
            this.key = key;
            this.rangeEnd = rangeEnd;
            this.minRev = minRev;
        }

        boolean matches(String k) {
            return rangeEnd.isEmpty() ? k.equals(key) : k.compareTo(key) >= 0 && k.compareTo(rangeEnd) < 0;
        }
    }

    private final KvStore kv;
    private final SortedMap<Long, Watcher> watchers = new TreeMap<>();
    /** The victims among them, by id, for {@link #retryVictims} (kept by {@link #setGroup}). */
    private final SortedMap<Long, Watcher> victims = new TreeMap<>();
    /** The same watchers by the keys they watch, for {@link #notify}. */
    private final WatchedRanges<Watcher> byKey = new WatchedRanges<>(Comparator.comparingLong(w -> w.id));
    private long nextId = 1;
    private long pendingEventsTotal;
    private int slow;
    private int slowPeak;

    public WatchableStore(KvStore kv) {
        this.kv = kv;
        kv.onRevision(this::notify);
    }

    /**
     * Watches {@code [key, rangeEnd)} (just {@code key} when {@code rangeEnd} is empty) from
     * {@code startRevision} (0: the next revision).
     *
     * @return the watcher's id
     */
    public long watch(Stream stream, String key, String rangeEnd, long startRevision) {
        long current = kv.revision();
        Watcher w = new Watcher(nextId++, stream, key, rangeEnd, startRevision <= 0 ? current + 1 : startRevision);
        watchers.put(w.id, w);
        byKey.add(w, key, rangeEnd);
        setGroup(w, w.minRev > current ? Group.SYNCED : Group.UNSYNCED);
        return w.id;
    }

    /** Removes a watcher; false if there was none. */
    public boolean cancel(long watchId) {
        Watcher w = watchers.remove(watchId);
        if (w != null) {
            byKey.remove(w, w.key, w.rangeEnd);
            setGroup(w, Group.SYNCED); // out of the slow count and the victims
        }
        return w != null;
    }

    /**
     * Sends the events of the newest revision to the synced watchers they match (etcd's {@code notify}).
     * A synced watcher may start later than this revision (it asked for a revision the member has not
     * applied yet); it is skipped, as etcd's {@code newWatcherBatch} skips an event whose revision is
     * below the watcher's {@code minRev} ("don't double notify").
     */
    private void notify(long revision) {
        List<WatchEvent> events = kv.eventsBetween(revision, revision);
        List<String> changed = new ArrayList<>(events.size());
        for (WatchEvent e : events) {
            changed.add(e.kv().key());
        }
        // only the watchers of the changed keys, in id order as the whole map would give them
        for (Watcher w : byKey.matching(changed)) {
            if (w.group != Group.SYNCED || revision < w.minRev) {
                continue;
            }
            List<WatchEvent> mine = matching(w, events);
            if (mine.isEmpty()) {
                continue;
            }
            w.minRev = revision + 1;
            if (!send(w, mine, revision)) {
                setGroup(w, Group.VICTIM);
                w.pending = mine;
            }
        }
    }

    /**
     * The store was replaced by a snapshot: every synced watcher catches up through the sync loop
     * (etcd's {@code watchableStore.Restore} moves them to unsynced).
     */
    public void restored() {
        for (Watcher w : watchers.values()) {
            if (w.group == Group.SYNCED) {
                setGroup(w, Group.UNSYNCED);
            }
        }
    }

    /** One round of the sync loop: catches up to {@value #MAX_WATCHERS_PER_SYNC} unsynced watchers. */
    public void syncUnsynced() {
        long current = kv.revision();
        int done = 0;
        for (Iterator<Map.Entry<Long, Watcher>> it = watchers.entrySet().iterator(); it.hasNext() && done < MAX_WATCHERS_PER_SYNC;) {
            Watcher w = it.next().getValue();
            if (w.group != Group.UNSYNCED) {
                continue;
            }
            done++;
            if (w.minRev < kv.compactRevision()) {
                if (w.stream.offer(new WatchResponse(w.id, current, List.of(), true, kv.compactRevision()))) {
                    setGroup(w, Group.SYNCED); // out of the slow count and the victims
                    it.remove();
                    byKey.remove(w, w.key, w.rangeEnd);
                }
                continue;
            }
            List<WatchEvent> mine = matching(w, kv.eventsBetween(w.minRev, current));
            // a watcher of a future revision moved here by a restore keeps its start (etcd's
            // syncWatchers: minRev = max(curRev+1, minRev))
            w.minRev = Math.max(w.minRev, current + 1);
            if (mine.isEmpty() || send(w, mine, current)) {
                setGroup(w, Group.SYNCED);
            } else {
                setGroup(w, Group.VICTIM);
                w.pending = mine;
            }
        }
    }

    /** One round of the victim loop: retries the events victims hold, in id order. */
    public void retryVictims() {
        if (victims.isEmpty()) {
            return;
        }
        long current = kv.revision();
        for (Watcher w : List.copyOf(victims.values())) { // a retried victim leaves the map
            if (send(w, w.pending, current)) {
                w.pending = List.of();
                setGroup(w, w.minRev <= current ? Group.UNSYNCED : Group.SYNCED);
            }
        }
    }

    /** Sends a progress notification (the current revision) to every synced watcher that has room. */
    public void progressNotify() {
        long current = kv.revision();
        for (Watcher w : watchers.values()) {
            if (w.group == Group.SYNCED) {
                w.stream.offer(new WatchResponse(w.id, current, List.of(), false, 0));
            }
        }
    }

    /** Watchers of all groups ({@code etcd_debugging_mvcc_watcher_total}). */
    public int watcherCount() {
        return watchers.size();
    }

    /** Unsynced and victim watchers ({@code etcd_debugging_mvcc_slow_watcher_total}). */
    public int slowWatcherCount() {
        return slow;
    }

    /**
     * The most watchers that were slow at once since the last call, which starts the next period
     * (a metrics window sees the peak of a catch-up that ends within it).
     */
    public int takeSlowWatcherPeak() {
        int peak = slowPeak;
        slowPeak = slow;
        return peak;
    }

    private void setGroup(Watcher w, Group g) {
        slow += (g == Group.SYNCED ? 0 : 1) - (w.group == Group.SYNCED ? 0 : 1);
        w.group = g;
        if (g == Group.VICTIM) {
            victims.put(w.id, w);
        } else {
            victims.remove(w.id);
        }
        slowPeak = Math.max(slowPeak, slow);
    }

    /** Events handed to streams so far ({@code etcd_debugging_mvcc_pending_events_total}). */
    public long pendingEventsTotal() {
        return pendingEventsTotal;
    }

    private boolean send(Watcher w, List<WatchEvent> events, long revision) {
        boolean ok = w.stream.offer(new WatchResponse(w.id, revision, events, false, 0));
        if (ok) {
            pendingEventsTotal += events.size();
        }
        return ok;
    }

    private static List<WatchEvent> matching(Watcher w, List<WatchEvent> events) {
        List<WatchEvent> out = new ArrayList<>();
        for (WatchEvent e : events) {
            if (w.matches(e.kv().key())) {
                out.add(e);
            }
        }
        return out;
    }
}
