package io.stormglass.run.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeptItemsTest {
    @Test
    void onlyImportantItemsAndTheLookBackBeforeAKeepAreKept() {
        KeptItems<Long> items = new KeptItems<>(t -> t, 10, 100, 1000);
        for (long t = 0; t < 100; t++) {
            items.offer(t, t == 5);
        }
        items.keepRecent();
        items.offer(200L, false);
        assertEquals(List.of(5L, 89L, 90L, 91L, 92L, 93L, 94L, 95L, 96L, 97L, 98L, 99L), items.kept(),
                "item 5 (important) and the last 10 ns before the keep; 200 waits in the ring");
    }

    @Test
    void theKeptListIsBoundedAndTheRestCounted() {
        KeptItems<Long> items = new KeptItems<>(t -> t, 1000, 3, 4);
        for (long t = 0; t < 10; t++) {
            items.offer(t, true);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L), items.kept());
        assertEquals(6, items.dropped());
        for (long t = 10; t < 20; t++) {
            items.offer(t, false);
        }
        items.keepRecent();
        assertEquals(9, items.dropped(), "the ring holds at most 3");
    }

    @Test
    void walIssuersNameTheirMember() {
        assertEquals(3, ExplorerRecording.walMember("n3/wal"));
        assertEquals(12, ExplorerRecording.walMember("n12/wal"));
        assertEquals(0, ExplorerRecording.walMember("n3/data"));
        assertEquals(0, ExplorerRecording.walMember("prometheus"));
        assertEquals(0, ExplorerRecording.walMember("nx/wal"));
    }
}
