package io.stormglass.check.safety;

import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.kv.WatchEvent;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The committed history by revision, the judge of watches and of ranges at a revision: the committed
 * log replayed, entry by entry in index order as members apply it, through a key-value store of its
 * own; the changes of each revision are taken as that store makes them and kept here, with every
 * key's versions and the revisions compacted at, none of them ever dropped (the replay's own
 * compactions do not reach this record). A member applies an entry (and reports it) before its watchers
 * hear of it or a read can see it, so the record is ahead of whatever a client receives.
 *
 * <p>If a member reports an index beyond the next one to replay (it cannot, unless a member applied
 * entries nobody reported), the record stops and says it is {@link #incomplete()}; its users then judge
 * nothing. Memory grows with the revisions of the run.
 */
final class CommittedRevisions {
    /** Events of a revision in a fixed order (by key, then type), for comparing sets of changes. */
    static final Comparator<WatchEvent> ORDER = Comparator.comparing((WatchEvent e) -> e.kv().key())
            .thenComparing(WatchEvent::type);

    private final KvStore replay = new KvStore();
    private final TreeMap<Long, List<WatchEvent>> eventsByRevision = new TreeMap<>();
    private final Map<String, TreeMap<Long, WatchEvent>> versionsByKey = new TreeMap<>();
    private final TreeSet<Long> compactions = new TreeSet<>();
    private long replayedIndex;
    private boolean incomplete;

    CommittedRevisions() {
        replay.onRevision(this::record);
    }

    /** A member applied {@code entry}: replays it if it is the next committed entry. */
    void applied(Entry entry) {
        if (incomplete || entry.index() <= replayedIndex) {
            return;
        }
        if (entry.index() > replayedIndex + 1) {
            incomplete = true;
            return;
        }
        replayedIndex = entry.index();
        if (entry.type() == EntryType.NORMAL && entry.data().length > 0) {
            KvCodec.Proposal proposal;
            try {
                proposal = KvCodec.decodeProposal(entry.data());
            } catch (IllegalArgumentException notKv) {
                return; // not a key-value command (a hand-made log in a test): it changes no revision
            }
            long compactedBefore = replay.compactRevision();
            replay.apply(proposal.command());
            if (replay.compactRevision() > compactedBefore) {
                compactions.add(replay.compactRevision());
            }
        }
    }

    private void record(long revision) {
        List<WatchEvent> events = new ArrayList<>(replay.eventsBetween(revision, revision));
        events.sort(ORDER);
        eventsByRevision.put(revision, List.copyOf(events));
        for (WatchEvent e : events) {
            versionsByKey.computeIfAbsent(e.kv().key(), k -> new TreeMap<>()).put(revision, e);
        }
    }

    boolean incomplete() {
        return incomplete;
    }

    /** The newest committed revision replayed. */
    long revision() {
        return replay.revision();
    }

    /** Whether a committed compaction compacted at {@code revision}. */
    boolean compactedAt(long revision) {
        return compactions.contains(revision);
    }

    /** The highest revision a committed compaction compacted at, 0 before any. */
    long newestCompaction() {
        return compactions.isEmpty() ? 0 : compactions.last();
    }

    /**
     * The committed changes of revisions {@code from..to} (both inclusive) to keys in {@code [key, rangeEnd)}
     * ({@code key} alone when {@code rangeEnd} is empty), by revision, each revision's in {@link #ORDER}.
     */
    NavigableMap<Long, List<WatchEvent>> changes(String key, String rangeEnd, long from, long to) {
        TreeMap<Long, List<WatchEvent>> out = new TreeMap<>();
        if (from > to) {
            return out;
        }
        for (Map.Entry<Long, List<WatchEvent>> rev : eventsByRevision.subMap(from, true, to, true).entrySet()) {
            List<WatchEvent> matching = new ArrayList<>();
            for (WatchEvent e : rev.getValue()) {
                if (matches(key, rangeEnd, e.kv().key())) {
                    matching.add(e);
                }
            }
            if (!matching.isEmpty()) {
                out.put(rev.getKey(), matching);
            }
        }
        return out;
    }

    /** {@code key}'s value at {@code revision} as a range at that revision returns it, null when absent. */
    KeyValue valueAt(String key, long revision) {
        TreeMap<Long, WatchEvent> versions = versionsByKey.get(key);
        Map.Entry<Long, WatchEvent> v = versions == null ? null : versions.floorEntry(revision);
        return v == null || v.getValue().type() == WatchEvent.Type.DELETE ? null : v.getValue().kv();
    }

    /** A watch's range as etcd's watchable store matches it. */
    static boolean matches(String key, String rangeEnd, String k) {
        return rangeEnd.isEmpty() ? k.equals(key) : k.compareTo(key) >= 0 && k.compareTo(rangeEnd) < 0;
    }
}
