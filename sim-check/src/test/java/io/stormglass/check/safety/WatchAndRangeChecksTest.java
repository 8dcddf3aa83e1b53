package io.stormglass.check.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.event.Simulation;
import io.stormglass.raft.client.WatchObserver;
import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvStore;
import io.stormglass.raft.kv.WatchEvent;
import io.stormglass.raft.kv.WatchResponse;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Watch streams and ranges at a revision, fed by hand against a committed log of five writes:
 * revision 2 put a=1, 3 put b=1, 4 put a=2, 5 delete a, 6 put a=3; then a compaction at 4.
 */
class WatchAndRangeChecksTest {
    private final SafetyMonitor monitor = new SafetyMonitor(new Simulation(), List.of(1, 2, 3));
    private final WatchObserver watches = monitor.watchObserver();
    private long index;

    WatchAndRangeChecksTest() {
        apply(new KvCommand.Put("a", "1", 0));
        apply(new KvCommand.Put("b", "1", 0));
        apply(new KvCommand.Put("a", "2", 0));
        apply(new KvCommand.Delete("a", ""));
        apply(new KvCommand.Put("a", "3", 0));
    }

    /** The next entry, persisted and committed on every member, applied by n1. */
    private void apply(KvCommand c) {
        index++;
        Entry e = Entry.normal(1, index, KvCodec.encode(new KvCodec.Proposal(index, c)));
        for (int m = 1; m <= 3; m++) {
            monitor.persisted(m, new HardState(1, 1, index - 1), List.of(e));
        }
        monitor.applied(1, e);
    }

    private static WatchEvent put(String key, String value, long create, long mod, long version) {
        return new WatchEvent(WatchEvent.Type.PUT, new KeyValue(key, value, create, mod, version, 0));
    }

    private static WatchEvent delete(String key, long rev) {
        return new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(key, "", 0, rev, 0, 0));
    }

    private static WatchResponse events(WatchEvent... events) {
        return new WatchResponse(7, events[events.length - 1].revision(), List.of(events), false, 0);
    }

    /** A watch of "a" from {@code start} on n2, acknowledged at revision {@code header}. */
    private void open(long id, long start, long header) {
        watches.watchRequested(1001, id, 2, "a", "", start);
        watches.watchResponse(1001, id, new WatchResponse(7, header, List.of(), false, 0));
    }

    private List<Invariant> found() {
        return monitor.violations().stream().map(SafetyViolation::invariant).toList();
    }

    @Test
    void aWatchThatGetsEveryChangeOnceInOrderIsFine() {
        open(1, 2, 6);
        watches.watchResponse(1001, 1, events(put("a", "1", 2, 2, 1)));
        watches.watchResponse(1001, 1, events(put("a", "2", 2, 4, 2), delete("a", 5)));
        watches.watchResponse(1001, 1, new WatchResponse(7, 5, List.of(), false, 0)); // progress: nothing missed up to 5
        watches.watchResponse(1001, 1, events(put("a", "3", 6, 6, 1)));
        open(2, 0, 4); // from now: the first event due is revision 5
        watches.watchResponse(1001, 2, events(delete("a", 5), put("a", "3", 6, 6, 1)));
        assertEquals(List.of(), monitor.violations());
        assertEquals(6, monitor.watchEventsChecked());
        assertEquals(2, monitor.watchesChecked());
    }

    @Test
    void aSkippedRevisionIsAGap() {
        open(1, 2, 6);
        watches.watchResponse(1001, 1, events(put("a", "2", 2, 4, 2)));
        assertEquals(List.of(Invariant.WATCH_ORDER), found());
        assertTrue(monitor.violations().get(0).explanation().contains("skipped the committed change of revision 2"),
                monitor.violations().get(0).explanation());
    }

    @Test
    void aRepeatedRevisionIsOutOfOrder() {
        open(1, 2, 6);
        watches.watchResponse(1001, 1, events(put("a", "1", 2, 2, 1)));
        watches.watchResponse(1001, 1, events(put("a", "1", 2, 2, 1)));
        assertEquals(List.of(Invariant.WATCH_ORDER), found());
        assertTrue(monitor.violations().get(0).explanation().contains("again or out of order"));
    }

    @Test
    void anEventWithOtherContentsOrOfAnotherKeyIsWrong() {
        open(1, 2, 6);
        watches.watchResponse(1001, 1, events(put("a", "9", 2, 2, 1)));
        open(2, 3, 6);
        watches.watchResponse(1001, 2, events(put("b", "1", 3, 3, 1)));
        assertEquals(List.of(Invariant.WATCH_ORDER, Invariant.WATCH_ORDER), found());
    }

    @Test
    void aProgressNotificationPastAnUndeliveredChangeIsAGap() {
        open(1, 2, 6);
        watches.watchResponse(1001, 1, new WatchResponse(7, 6, List.of(), false, 0));
        assertEquals(List.of(Invariant.WATCH_ORDER), found());
    }

    @Test
    void aCancellationNeedsACommittedCompactionAboveTheNextRevision() {
        open(1, 2, 6);
        watches.watchResponse(1001, 1, new WatchResponse(7, 6, List.of(), true, 4));
        assertEquals(List.of(Invariant.WATCH_ORDER), found(), "no compaction at 4 was committed");
        apply(new KvCommand.Compact(4));
        open(2, 2, 6);
        watches.watchResponse(1001, 2, new WatchResponse(7, 6, List.of(), true, 4));
        assertEquals(1, found().size(), "the watcher needed revision 2, below the compaction: cancelled rightly");
        open(3, 5, 6);
        watches.watchResponse(1001, 3, new WatchResponse(7, 6, List.of(), true, 4));
        assertEquals(2, found().size(), "a watcher that needed revision 5 lost nothing to a compaction at 4");
        open(4, 2, 6);
        watches.watchClosed(1001, 4);
        watches.watchResponse(1001, 4, events(put("a", "3", 6, 6, 1)));
        assertEquals(2, found().size(), "a closed watch is no longer judged");
    }

    @Test
    void aRangeAtARevisionReturnsThatRevisionsValueOrTheCompactionError() {
        KeyValue a2 = new KeyValue("a", "2", 2, 4, 2, 0);
        monitor.rangeAtRevision(1001, "a", 4, true, List.of(a2), null);
        monitor.rangeAtRevision(1001, "a", 5, true, List.of(), null);
        assertEquals(List.of(), monitor.violations());
        monitor.rangeAtRevision(1001, "a", 3, true, List.of(a2), null);
        assertEquals(List.of(Invariant.RANGE_AT_REVISION), found(), "at 3 the value was still \"1\"");
        monitor.rangeAtRevision(1001, "a", 3, true, List.of(), KvStore.COMPACTED);
        assertEquals(2, found().size(), "compacted, but no compaction committed");
        apply(new KvCommand.Compact(4));
        monitor.rangeAtRevision(1001, "a", 3, true, List.of(), KvStore.COMPACTED);
        monitor.rangeAtRevision(1001, "a", 4, false, List.of(), KvStore.FUTURE_REVISION);
        assertEquals(2, found().size(), "below the compaction at 4, and a serializable read may lag");
        monitor.rangeAtRevision(1001, "a", 4, true, List.of(), KvStore.FUTURE_REVISION);
        monitor.rangeAtRevision(1001, "a", 9, true, List.of(a2), null);
        assertEquals(4, found().size(), "a linearizable future-revision error for a seen revision; data of an uncommitted revision");
        assertEquals(7, monitor.rangesAtRevisionChecked(), "all but the serializable future-revision error");
    }
}
