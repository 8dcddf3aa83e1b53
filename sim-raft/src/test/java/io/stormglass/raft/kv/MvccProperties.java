package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * MVCC against a reference model that copies the whole store at every revision: a range at any
 * revision the store has not compacted away returns exactly that revision's key-values, one below
 * the compaction revision fails with etcd's compacted error, and a compaction never changes the
 * current state or the revision.
 */
class MvccProperties {
    @Provide
    Arbitrary<List<KvCommand>> commands() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d");
        // some values end in a long run, as the workloads pad them, so that superseded versions are held packed
        Arbitrary<String> values = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(4),
                Arbitraries.of(0, 0, PackedValue.MIN_RUN, 300)).as((tag, run) -> tag + "x".repeat(run));
        Arbitrary<KvCommand> put = Combinators.combine(keys, values, Arbitraries.just(0L)).as(KvCommand.Put::new);
        Arbitrary<KvCommand> delete = Combinators.combine(keys, Arbitraries.of("", "c", "z")).as(KvCommand.Delete::new);
        Arbitrary<KvCommand> txn = put.list().ofMinSize(1).ofMaxSize(3).map(ops -> new KvCommand.Txn(List.of(), ops, List.of()));
        Arbitrary<KvCommand> compact = Arbitraries.longs().between(0, 50).map(KvCommand.Compact::new);
        return Arbitraries.frequencyOf(Tuple.of(5, put), Tuple.of(2, delete), Tuple.of(1, txn), Tuple.of(1, compact))
                .list().ofMaxSize(80);
    }

    @Property(tries = 300)
    void aRangeAtARevisionReturnsThatRevisionsData(@ForAll("commands") List<KvCommand> commands) {
        KvStore store = new KvStore();
        Map<Long, List<KeyValue>> model = new TreeMap<>();
        model.put(1L, List.of());
        for (KvCommand c : commands) {
            long before = store.revision();
            List<KeyValue> current = all(store, 0);
            KvResult r = store.apply(c);
            if (c instanceof KvCommand.Compact k) {
                assertEquals(before, store.revision(), "a compaction does not advance the revision");
                assertEquals(current, all(store, 0), "a compaction does not change the current state");
                assertTrue(r instanceof KvResult.CompactResult || r instanceof KvResult.Rejected);
            }
            model.put(store.revision(), all(store, 0));
        }
        for (long rev = 1; rev <= store.revision(); rev++) {
            KvResult at = store.rangeAt("", "\uffff", 0, rev);
            if (rev < store.compactRevision()) {
                assertEquals(new KvResult.Rejected(store.revision(), KvStore.COMPACTED), at, "at " + rev);
            } else {
                assertEquals(model.get(rev), ((KvResult.RangeResult) at).kvs(), "at " + rev);
                assertEquals(store.revision(), at.revision(), "the header carries the current revision");
            }
        }
        assertEquals(new KvResult.Rejected(store.revision(), KvStore.FUTURE_REVISION),
                store.rangeAt("a", "", 0, store.revision() + 1));
    }

    /** Compaction drops what no range can see: what is left is the versions after it, and one per live key at it. */
    @Property(tries = 200)
    void compactionKeepsOnlyWhatRangesCanStillSee(@ForAll("commands") List<KvCommand> commands) {
        KvStore store = new KvStore();
        commands.forEach(store::apply);
        store.apply(new KvCommand.Put("z", "last", 0)); // no tombstone at the compaction revision (those stay)
        store.apply(new KvCommand.Compact(store.revision()));
        assertEquals(store.size(), store.versionCount(), "after compacting at the current revision, one version per live key");
        long live = 0;
        for (KeyValue kv : store.range("", "\uffff", 0).kvs()) {
            live += MvccHistory.bytesOf(kv.key(), new MvccHistory.Version(kv.modRevision(), kv));
        }
        assertEquals(live, store.historyBytes(), "the record bytes are those of the live keys");
    }

    @Property(tries = 100)
    void compactionErrorsAreEtcds(@ForAll("commands") List<KvCommand> commands) {
        KvStore store = new KvStore();
        commands.forEach(store::apply);
        long rev = store.revision();
        assertEquals(new KvResult.Rejected(rev, KvStore.FUTURE_REVISION), store.apply(new KvCommand.Compact(rev + 1)));
        store.apply(new KvCommand.Compact(rev));
        assertEquals(new KvResult.Rejected(rev, KvStore.COMPACTED), store.apply(new KvCommand.Compact(rev)));
    }

    private static List<KeyValue> all(KvStore store, long rev) {
        NavigableMap<String, KeyValue> byKey = new TreeMap<>();
        for (KeyValue kv : ((KvResult.RangeResult) store.rangeAt("", "\uffff", 0, rev)).kvs()) {
            byKey.put(kv.key(), kv);
        }
        return new ArrayList<>(byKey.values());
    }
}
