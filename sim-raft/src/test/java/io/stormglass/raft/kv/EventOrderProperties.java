package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A watcher's catch-up read ({@link KvStore#eventsBetween}) against a brute-force oracle that keeps
 * every change ever made, in (revision, sub revision) order, and filters it: over random puts,
 * deletes of keys and ranges, transactions changing several keys (the same key twice among them),
 * lease revokes, compactions and snapshot restores, every range of revisions returns the oracle's
 * changes at or above the compaction revision, in the same order. Within a revision that order is the
 * one the command made its changes in, a key changed twice by one command coming once at its last
 * change's place; a restored revision's changes are in key order (the snapshot keeps no sub revisions).
 */
class EventOrderProperties {
    /**
     * One step: a command, or a snapshot taken and restored ({@code command} null), then a read of
     * the revisions {@code [from, from + span]}, picked modulo the current revision.
     */
    record Step(KvCommand command, int from, int span) {
    }

    private static final List<String> KEYS = List.of("a", "b", "c", "d", "e");

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<String> keys = Arbitraries.of(KEYS);
        Arbitrary<KvCommand> put = Combinators.combine(keys, Arbitraries.strings().alpha().ofMaxLength(3),
                Arbitraries.of(0L, 0L, 1L, 2L)).as(KvCommand.Put::new);
        Arbitrary<KvCommand> delete = Combinators.combine(keys, Arbitraries.of("", "", "c", "z")).as(KvCommand.Delete::new);
        Arbitrary<KvCommand> write = Arbitraries.frequencyOf(Tuple.of(3, put), Tuple.of(1, delete));
        Arbitrary<KvCommand> txn = Combinators.combine(
                Combinators.combine(keys, Arbitraries.strings().alpha().ofMaxLength(1)).as(Compare::valueEquals).list().ofMaxSize(1),
                write.list().ofMinSize(1).ofMaxSize(5), write.list().ofMaxSize(3)).as(KvCommand.Txn::new);
        Arbitrary<KvCommand> grant = Arbitraries.longs().between(1, 2).map(id -> new KvCommand.LeaseGrant(id, 1_000));
        Arbitrary<KvCommand> revoke = Arbitraries.longs().between(1, 2).map(KvCommand.LeaseRevoke::new);
        Arbitrary<KvCommand> compact = Arbitraries.longs().between(0, 80).map(KvCommand.Compact::new);
        Arbitrary<KvCommand> command = Arbitraries.frequencyOf(Tuple.of(6, put), Tuple.of(2, delete), Tuple.of(4, txn),
                Tuple.of(2, grant), Tuple.of(1, revoke), Tuple.of(2, compact));
        return Combinators.combine(command.injectNull(0.06), Arbitraries.integers().between(0, 1_000),
                Arbitraries.integers().between(0, 1_000)).as(Step::new).list().ofMaxSize(120);
    }

    @Property(tries = 300)
    void aCatchUpReturnsTheOraclesChangesInSubRevisionOrder(@ForAll("steps") List<Step> steps) {
        KvStore store = new KvStore();
        List<WatchEvent> oracle = new ArrayList<>(); // every change, in (revision, sub revision) order
        for (Step step : steps) {
            if (step.command() == null) {
                KvStore restored = new KvStore();
                KvCodec.restoreSnapshot(restored, KvCodec.encodeSnapshot(store));
                store = restored;
                // stable: by revision, then key (the restored order), then the order before
                oracle.sort(Comparator.comparingLong(WatchEvent::revision).thenComparing(e -> e.kv().key()));
            } else {
                oracle.addAll(changes(store, step.command()));
            }
            long rev = store.revision();
            long from = step.from() % (rev + 2);
            long to = from + step.span() % (rev + 2);
            assertEquals(expected(oracle, store, from, to), store.eventsBetween(from, to), "between " + from + " and " + to);
            assertEquals(expected(oracle, store, rev, rev), store.eventsBetween(rev, rev), "the newest revision " + rev);
            assertEquals(expected(oracle, store, 0, rev), store.eventsBetween(0, rev), "everything held");
        }
    }

    private static List<WatchEvent> expected(List<WatchEvent> oracle, KvStore store, long from, long to) {
        long lowest = Math.max(from, store.compactRevision());
        return oracle.stream().filter(e -> e.revision() >= lowest && e.revision() <= to).toList();
    }

    /**
     * The changes {@code command} makes, applied to {@code store}: the keys it changes in the order of
     * their last change, each with its state after the command (a put, or a delete when gone).
     */
    private static List<WatchEvent> changes(KvStore store, KvCommand command) {
        NavigableSet<String> live = new TreeSet<>();
        store.range("", "\uffff", 0).kvs().forEach(kv -> live.add(kv.key()));
        List<String> leased = new ArrayList<>();
        if (command instanceof KvCommand.LeaseRevoke r) {
            live.stream().filter(k -> store.get(k).leaseId() == r.leaseId()).forEach(leased::add);
        }
        long before = store.revision();
        KvResult result = store.apply(command);
        if (store.revision() == before) {
            return List.of();
        }
        List<String> order = new ArrayList<>();
        if (command instanceof KvCommand.Txn t) {
            for (KvCommand w : ((KvResult.TxnResult) result).succeeded() ? t.success() : t.failure()) {
                write(live, order, w);
            }
        } else if (command instanceof KvCommand.LeaseRevoke) {
            order.addAll(leased);
        } else {
            write(live, order, command);
        }
        List<WatchEvent> out = new ArrayList<>();
        for (String key : order) {
            KeyValue kv = store.get(key);
            out.add(kv != null ? WatchEvent.put(kv) : WatchEvent.delete(key, store.revision()));
        }
        return out;
    }

    /** Applies one put or delete to the set of live keys, moving each key it changes to the end of {@code order}. */
    private static void write(NavigableSet<String> live, List<String> order, KvCommand w) {
        List<String> changed = new ArrayList<>();
        if (w instanceof KvCommand.Put p) {
            live.add(p.key());
            changed.add(p.key());
        } else if (w instanceof KvCommand.Delete d) {
            if (d.rangeEnd().isEmpty()) {
                if (live.contains(d.key())) {
                    changed.add(d.key());
                }
            } else if (d.rangeEnd().compareTo(d.key()) > 0) {
                changed.addAll(live.subSet(d.key(), d.rangeEnd()));
            }
            live.removeAll(changed);
        }
        for (String key : changed) {
            order.remove(key);
            order.add(key);
        }
    }
}
