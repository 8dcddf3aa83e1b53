package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WatchedRangesProperties {
    /** A watcher of {@code [key, rangeEnd)}, or of {@code key} alone when {@code rangeEnd} is empty. */
    private record W(int id, String key, String rangeEnd) {
        boolean matches(String k) {
            return rangeEnd.isEmpty() ? k.equals(key) : k.compareTo(key) >= 0 && k.compareTo(rangeEnd) < 0;
        }
    }

    /** One step: add a watcher (a key, or a range, empty or reversed ones too), remove one, or look keys up. */
    private record Step(int kind, W watcher, int victim, List<String> changed) {
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.of("", "a", "a0", "b", "b1", "c", "k/1", "k/10", "k/2", "z");
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<W> watcher = Combinators.combine(keys(), Arbitraries.oneOf(Arbitraries.just(""), keys()))
                .as((k, end) -> new W(0, k, end));
        return Combinators.combine(Arbitraries.integers().between(0, 2), watcher, Arbitraries.integers().between(0, 50),
                keys().list().ofMaxSize(3)).as(Step::new).list().ofMaxSize(60);
    }

    /** The index answers what checking every watcher answers, in id order, each watcher once. */
    @Property(tries = 500)
    void findsExactlyTheWatchersThatMatch(@ForAll("steps") List<Step> steps) {
        WatchedRanges<W> index = new WatchedRanges<>(Comparator.comparingInt(W::id));
        List<W> all = new ArrayList<>();
        int nextId = 1;
        for (Step s : steps) {
            if (s.kind() == 0) {
                W w = new W(nextId++, s.watcher().key(), s.watcher().rangeEnd());
                all.add(w);
                index.add(w, w.key(), w.rangeEnd());
            } else if (s.kind() == 1 && !all.isEmpty()) {
                W w = all.remove(s.victim() % all.size());
                index.remove(w, w.key(), w.rangeEnd());
            } else {
                List<W> expected = all.stream().filter(w -> s.changed().stream().anyMatch(w::matches))
                        .sorted(Comparator.comparingInt(W::id)).toList();
                assertEquals(expected, index.matching(s.changed()), "keys " + s.changed() + " among " + all);
            }
        }
    }
}
