package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A catch-up read costs the versions it returns, not the keys of the store (etcd reads a range of its key bucket). */
class CatchUpCostTest {
    private static final int KEYS = 100_000;

    private static void put(MvccHistory history, EventLog log, String key, long revision) {
        KeyValue kv = new KeyValue(key, "v" + revision, revision, revision, 1, 0);
        history.record(key, revision, kv);
        log.add(revision, WatchEvent.put(kv));
    }

    @Test
    void aOneRevisionCatchUpOnAHundredThousandKeysLooksUpOneVersion() {
        MvccHistory history = new MvccHistory();
        EventLog log = new EventLog(history);
        for (int i = 0; i < KEYS; i++) {
            put(history, log, "key-" + i, i + 2);
        }
        long changed = KEYS + 2;
        put(history, log, "key-7", changed);
        put(history, log, "key-8", changed + 1); // newer: the read of `changed` goes to the history
        long before = history.catchUpLookups();
        List<WatchEvent> events = log.between(changed, changed);
        assertEquals(List.of("key-7"), events.stream().map(e -> e.kv().key()).toList());
        assertEquals(1, history.catchUpLookups() - before, "one version looked up, not one per key");

        history.compact(changed);
        assertEquals(2, history.indexedVersions(), "after compacting, the index holds what is at or after it");
        assertEquals(List.of("key-7"), log.between(changed, changed).stream().map(e -> e.kv().key()).toList());
        assertEquals(List.of(), log.between(1, changed - 1), "nothing below the compaction revision");
    }
}
