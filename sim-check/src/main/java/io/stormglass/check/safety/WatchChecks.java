package io.stormglass.check.safety;

import io.stormglass.raft.client.WatchObserver;
import io.stormglass.raft.kv.WatchEvent;
import io.stormglass.raft.kv.WatchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * etcd's watch guarantees, checked on every watch stream clients receive against the
 * {@link CommittedRevisions} ({@link Invariant#WATCH_ORDER}): a watcher gets the committed changes of its
 * range from its start revision on, each revision's once and whole, in revision order, with no
 * revision skipped, until the client closes it or it is cancelled because the revision it needed next
 * was compacted. Per watch:
 * <ul>
 *   <li>its start: the revision asked for, or (from "now") the revision after its creation
 *       acknowledgement's header, the first response;</li>
 *   <li>events: none at a revision already delivered (a repeat or a reordering), and those of
 *       {@code [next, last event's revision]} equal to the committed changes of the range there (a missing
 *       revision is a gap; an event never committed, or with other contents, is wrong);</li>
 *   <li>a progress notification at revision {@code H} (sent only to a watcher that has everything up to
 *       {@code H}): no committed change of the range in {@code [next, H]} may be missing;</li>
 *   <li>a cancellation carries a committed compaction's revision above the next one the watcher needed.</li>
 * </ul>
 * Nothing is judged while the committed record is {@link CommittedRevisions#incomplete()}.
 */
final class WatchChecks implements WatchObserver {
    /** One watch as its client sees it. */
    private static final class Watch {
        final int client;
        final int member;
        final String key;
        final String rangeEnd;
        /** The first revision not yet delivered; 0 until the creation acknowledgement tells it. */
        long next;
        boolean acknowledged;

        Watch(int client, int member, String key, String rangeEnd, long startRevision) {
            this.client = client;
            this.member = member;
            this.key = key;
            this.rangeEnd = rangeEnd;
            this.next = startRevision;
        }

        String name() {
            return "client " + client + "'s watch of " + (rangeEnd.isEmpty() ? "\"" + key + "\"" : "[\"" + key + "\", \"" + rangeEnd + "\")")
                    + " on n" + member;
        }
    }

    private final Violations violations;
    private final CommittedRevisions committed;
    private final Map<Long, Watch> watches = new TreeMap<>();
    private long eventsChecked;
    private long watchesSeen;

    WatchChecks(Violations violations, CommittedRevisions committed) {
        this.violations = violations;
        this.committed = committed;
    }

    /** Events compared against the committed history so far. */
    long eventsChecked() {
        return eventsChecked;
    }

    /** Watches opened so far. */
    long watchesSeen() {
        return watchesSeen;
    }

    @Override
    public void watchRequested(int client, long requestId, int member, String key, String rangeEnd, long startRevision) {
        watchesSeen++;
        watches.put(requestId, new Watch(client, member, key, rangeEnd, Math.max(0, startRevision)));
    }

    @Override
    public void watchClosed(int client, long requestId) {
        watches.remove(requestId);
    }

    @Override
    public void watchResponse(int client, long requestId, WatchResponse r) {
        Watch w = watches.get(requestId);
        if (w == null || committed.incomplete()) {
            return;
        }
        if (!w.acknowledged) {
            acknowledged(w, r);
        } else if (r.canceled()) {
            cancelled(requestId, w, r);
        } else if (r.events().isEmpty()) {
            progress(w, r.headerRevision());
        } else {
            events(w, r.events());
        }
    }

    private void acknowledged(Watch w, WatchResponse r) {
        w.acknowledged = true;
        if (!r.events().isEmpty() || r.canceled()) {
            fail(w, "its first response was not the creation acknowledgement");
        } else if (w.next == 0) {
            w.next = r.headerRevision() + 1;
        }
    }

    private void cancelled(long requestId, Watch w, WatchResponse r) {
        watches.remove(requestId);
        long compacted = r.compactRevision();
        if (compacted == 0) {
            fail(w, "was cancelled without a compaction revision");
        } else if (!committed.compactedAt(compacted)) {
            fail(w, "was cancelled for a compaction at revision " + compacted + ", at which no committed compaction compacted");
        } else if (w.next >= compacted) {
            fail(w, "was cancelled for the compaction at revision " + compacted + " though it needed revision " + w.next
                    + " next, which that compaction kept");
        }
    }

    private void progress(Watch w, long headerRevision) {
        NavigableMap<Long, List<WatchEvent>> missed = committed.changes(w.key, w.rangeEnd, w.next, headerRevision);
        if (!missed.isEmpty()) {
            fail(w, "got a progress notification at revision " + headerRevision + " but never the committed change"
                    + (missed.size() > 1 ? "s of revisions " : " of revision ") + missed.keySet() + " of its range");
        }
        w.next = Math.max(w.next, headerRevision + 1);
    }

    private void events(Watch w, List<WatchEvent> events) {
        long first = events.get(0).revision();
        long last = events.get(events.size() - 1).revision();
        TreeMap<Long, List<WatchEvent>> got = new TreeMap<>();
        long previous = first;
        for (WatchEvent e : events) {
            if (e.revision() < previous) {
                fail(w, "got revision " + e.revision() + " after revision " + previous + " in one response");
                return;
            }
            previous = e.revision();
            got.computeIfAbsent(e.revision(), k -> new ArrayList<>()).add(e);
        }
        eventsChecked += events.size();
        if (first < w.next) {
            fail(w, "got revision " + first + " again or out of order: it had everything up to revision " + (w.next - 1));
            w.next = Math.max(w.next, last + 1);
            return;
        }
        got.values().forEach(list -> list.sort(CommittedRevisions.ORDER));
        NavigableMap<Long, List<WatchEvent>> expected = committed.changes(w.key, w.rangeEnd, w.next, last);
        if (!expected.equals(got)) {
            fail(w, difference(w.next, expected, got));
        }
        w.next = last + 1;
    }

    /** The first revision where what a watcher got differs from the committed changes, in words. */
    private static String difference(long from, NavigableMap<Long, List<WatchEvent>> expected, NavigableMap<Long, List<WatchEvent>> got) {
        for (long rev : new java.util.TreeSet<>(union(expected, got))) {
            List<WatchEvent> want = expected.get(rev);
            List<WatchEvent> have = got.get(rev);
            if (have == null) {
                return "skipped the committed change" + (want.size() > 1 ? "s" : "") + " of revision " + rev + " (" + describe(want)
                        + ") between revision " + from + " and the events it got next";
            }
            if (want == null) {
                return "got " + describe(have) + " at revision " + rev + ", which committed no change to its range";
            }
            if (!want.equals(have)) {
                return "got " + describe(have) + " at revision " + rev + " where the committed change" + (want.size() > 1 ? "s are " : " is ")
                        + describe(want);
            }
        }
        return "got other events than the committed ones";
    }

    private static List<Long> union(Map<Long, ?> a, Map<Long, ?> b) {
        List<Long> all = new ArrayList<>(a.keySet());
        all.addAll(b.keySet());
        return all;
    }

    private static String describe(List<WatchEvent> events) {
        List<String> parts = new ArrayList<>();
        for (WatchEvent e : events) {
            parts.add(e.type() == WatchEvent.Type.PUT ? "put " + e.kv().key() + "=" + EntryText.value(e.kv().value())
                    : "delete " + e.kv().key());
        }
        return String.join(", ", parts);
    }

    private void fail(Watch w, String what) {
        violations.add(Invariant.WATCH_ORDER, List.of(w.member), w.name() + " " + what);
    }
}
