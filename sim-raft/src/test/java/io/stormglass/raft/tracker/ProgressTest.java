package io.stormglass.raft.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProgressTest {
    private static Progress progress(long match, long next) {
        return new Progress(match, next, new Inflights(3, 0));
    }

    @Test
    void inflightsFreeUpToAcknowledgedIndex() {
        Inflights in = new Inflights(3, 100);
        in.add(5, 10);
        in.add(7, 10);
        in.add(9, 10);
        assertTrue(in.full());
        assertThrows(IllegalStateException.class, () -> in.add(11, 1));
        in.freeLE(7);
        assertEquals(1, in.count());
        assertFalse(in.full());
        Inflights bytes = new Inflights(10, 15);
        bytes.add(1, 10);
        bytes.add(2, 10);
        assertTrue(bytes.full(), "byte limit");
    }

    @Test
    void probeSendsOneMessageUntilAnswered() {
        Progress p = progress(3, 4);
        assertFalse(p.isPaused());
        p.sentEntries(2, 10);
        assertTrue(p.isPaused());
        assertEquals(4, p.next(), "probing does not advance next optimistically");
        assertTrue(p.maybeUpdate(5));
        assertFalse(p.isPaused());
    }

    @Test
    void replicateAdvancesOptimisticallyWithinWindow() {
        Progress p = progress(3, 4);
        p.becomeReplicate();
        p.sentEntries(2, 10);
        p.sentEntries(1, 10);
        assertEquals(7, p.next());
        assertFalse(p.isPaused());
        p.sentEntries(1, 10);
        assertTrue(p.isPaused(), "window of 3 full");
    }

    // §5.3 "decrement nextIndex and retry", accelerated by the follower's hint; stale rejections ignored.
    @Test
    void rejectionsBackOff() {
        Progress p = progress(0, 10);
        assertFalse(p.maybeDecrTo(5, 2), "rejection of an append not in flight is stale");
        assertTrue(p.maybeDecrTo(9, 4));
        assertEquals(5, p.next());
        Progress r = progress(5, 6);
        r.becomeReplicate();
        r.sentEntries(3, 1);
        assertFalse(r.maybeDecrTo(4, 0), "rejected index below match is stale");
        assertTrue(r.maybeDecrTo(8, 0));
        assertEquals(6, r.next(), "replicate falls back to match + 1");
    }

    @Test
    void snapshotStateResumesAfterPendingSnapshot() {
        Progress p = progress(2, 3);
        p.becomeSnapshot(20);
        assertTrue(p.isPaused());
        p.becomeProbe();
        assertEquals(21, p.next());
    }
}
