package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** A frozen view ({@link KvStore#freeze()}) restores and encodes exactly what an encoding taken at once would. */
class KvSnapshotTest {
    /** A script with leases, deletes, a transaction, a compaction, a revoke and alarms. */
    static List<KvCommand> script() {
        List<KvCommand> out = new ArrayList<>();
        out.add(new KvCommand.LeaseGrant(7, 5_000_000_000L));
        out.add(new KvCommand.LeaseGrant(8, 9_000_000_000L));
        for (int i = 0; i < 40; i++) {
            out.add(new KvCommand.Put("key" + (i % 7), "v" + i + "-" + "x".repeat(i % 3 == 0 ? 100 : 3),
                    i % 5 == 0 ? 7 : i % 11 == 0 ? 8 : 0));
            if (i % 9 == 4) {
                out.add(new KvCommand.Delete("key" + ((i + 2) % 7), ""));
            }
            if (i == 20) {
                out.add(new KvCommand.Compact(15));
            }
            if (i == 25) {
                out.add(new KvCommand.Txn(List.of(Compare.valueEquals("key1", "nope")), List.of(new KvCommand.Put("t", "a", 0)),
                        List.of(new KvCommand.Put("t", "b", 0), new KvCommand.Delete("key0", "key3"))));
            }
            if (i == 30) {
                out.add(new KvCommand.LeaseRevoke(8));
                out.add(new KvCommand.Alarm(true, 2));
                out.add(new KvCommand.Alarm(false, 2));
            }
        }
        out.add(new KvCommand.Alarm(true, 3));
        return out;
    }

    private static KvStore applied(List<KvCommand> commands) {
        KvStore store = new KvStore();
        commands.forEach(store::apply);
        return store;
    }

    @Test
    void theSnapshotEncodingIsTheOneBeforeViews() {
        // the script's snapshot as the eager encoder of 2026-12 (commit f2126f1) wrote it: length and CRC32C
        byte[] bytes = KvCodec.encodeSnapshot(applied(script()));
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        assertEquals(680, bytes.length);
        assertEquals(0x558491c8L, crc.getValue());
    }

    @Test
    void aViewEncodedLaterHoldsTheStateItWasTakenAt() {
        List<KvCommand> script = script();
        KvStore store = new KvStore();
        List<KvSnapshot> views = new ArrayList<>();
        List<byte[]> atOnce = new ArrayList<>();
        List<Long> digests = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            store.apply(script.get(i));
            if (i % 6 == 5) {
                views.add(store.freeze());
                atOnce.add(KvCodec.encodeSnapshot(store));
                digests.add(store.digest());
            }
        }
        assertTrue(views.stream().anyMatch(v -> !v.isEncoded()), "views taken after the last compaction are still views");
        for (int i = 0; i < views.size(); i++) {
            assertArrayEquals(atOnce.get(i), views.get(i).bytes(), "view " + i);
            KvStore restored = new KvStore();
            views.get(i).restoreInto(restored);
            assertEquals(digests.get(i), restored.digest(), "view " + i + " restores its state");
        }
    }

    @Test
    void aCompactionMovesTheOpenViewsToACopyWithoutEncodingThem() {
        KvStore store = applied(script().subList(0, 30));
        KvSnapshot view = store.freeze();
        byte[] atOnce = KvCodec.encodeSnapshot(store);
        long digest = store.digest();
        store.apply(new KvCommand.Put("key1", "later", 0));
        assertEquals(1, store.openSnapshotViews());
        assertTrue(view.readsLiveHistory());
        store.apply(new KvCommand.Compact(store.revision()));
        assertFalse(view.readsLiveHistory(), "moved off the history before the compaction dropped what it reads");
        assertFalse(view.isEncoded(), "moved, not encoded");
        assertEquals(0, store.openSnapshotViews());
        store.apply(new KvCommand.Put("key1", "after the compaction", 0));
        store.apply(new KvCommand.Compact(store.revision()));
        assertArrayEquals(atOnce, view.bytes());
        KvStore restored = new KvStore();
        view.restoreInto(restored);
        assertEquals(digest, restored.digest());
    }

    @Test
    void viewsAtSeveralRevisionsShareOneCopyAndEachKeepsItsOwnState() {
        List<KvCommand> script = script();
        KvStore store = new KvStore();
        List<KvSnapshot> views = new ArrayList<>();
        List<byte[]> atOnce = new ArrayList<>();
        for (int i = 0; i < script.size(); i++) {
            if (script.get(i) instanceof KvCommand.Compact) {
                continue; // compactions below, each after several views
            }
            store.apply(script.get(i));
            if (i % 5 == 4) {
                views.add(store.freeze());
                atOnce.add(KvCodec.encodeSnapshot(store));
            }
            if (i % 15 == 14) {
                store.apply(new KvCommand.Compact(store.revision() - 2));
                assertEquals(0, store.openSnapshotViews());
            }
        }
        assertTrue(views.size() >= 6);
        for (int i = 0; i < views.size(); i++) {
            assertArrayEquals(atOnce.get(i), views.get(i).bytes(), "view " + i);
        }
    }

    @Test
    void aRestoreIntoTheSameStoreLeavesItsViewsExact() {
        KvStore store = applied(script());
        KvSnapshot view = store.freeze();
        byte[] atOnce = KvCodec.encodeSnapshot(store);
        long digest = store.digest();
        KvSnapshot.encoded(KvCodec.encodeSnapshot(applied(script().subList(0, 10)))).restoreInto(store);
        store.apply(new KvCommand.Put("key1", "after the restore", 0));
        assertFalse(view.isEncoded(), "the restore gave the store a history of its own");
        assertEquals(0, store.openSnapshotViews(), "a view of the replaced history is no longer the store's to keep exact");
        store.apply(new KvCommand.Compact(store.revision()));
        assertArrayEquals(atOnce, view.bytes());
        view.restoreInto(store); // a view of the store itself
        assertEquals(digest, store.digest());
    }

    @Test
    void aRestoredStoreEncodesToTheBytesItCameFrom() {
        byte[] bytes = KvCodec.encodeSnapshot(applied(script()));
        KvStore restored = new KvStore();
        KvSnapshot.encoded(bytes).restoreInto(restored);
        assertArrayEquals(bytes, restored.freeze().bytes());
    }

    @Test
    void aReleasedViewIsNeitherEncodedNorReadable() {
        KvStore store = applied(script());
        KvSnapshot kept = store.freeze();
        KvSnapshot dropped = store.freeze();
        KvSnapshot copy = kept.encodedCopy();
        assertEquals(1, store.openSnapshotViews(), "the copy encoded the kept view");
        dropped.release();
        assertEquals(0, store.openSnapshotViews());
        assertThrows(IllegalStateException.class, dropped::bytes);
        kept.release();
        assertArrayEquals(KvCodec.encodeSnapshot(store), copy.bytes(), "a copy outlives its original");
    }
}
