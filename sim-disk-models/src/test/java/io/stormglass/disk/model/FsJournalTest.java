package io.stormglass.disk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoCallback;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FsJournalTest {
    /** Records what reaches the device under the journal. */
    private static final class Recording implements BlockDevice {
        final BlockDevice inner;
        final List<IoRequest> seen = new ArrayList<>();

        Recording(BlockDevice inner) {
            this.inner = inner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void submit(IoRequest request, IoCallback callback) {
            seen.add(request);
            inner.submit(request, callback);
        }
    }

    private final Rig rig = new Rig(3);
    private final Recording device = new Recording(rig.device("ssd", SataSsdDisk.Options.defaults()));
    private final FsJournal journal = new FsJournal(device, rig.sim, FsJournal.Options.ext4());

    @Test
    void aFlushAfterAWriteIsAPreFlushACommitRecordInTheJournalAndAPostFlush() {
        rig.io(journal, IoRequest.write("wal", 4096, 4096));
        IoResult r = rig.io(journal, IoRequest.flush("wal"));
        assertTrue(r.isOk());
        assertEquals(List.of("WRITE", "FLUSH", "WRITE", "FLUSH"), device.seen.stream().map(q -> q.op().name()).toList());
        IoRequest record = device.seen.get(2);
        assertEquals(FsJournal.Options.ext4().journalOffsetBytes(), record.offsetBytes());
        assertEquals(16 * 1024, record.lengthBytes());
        assertEquals(1, journal.commits());
    }

    @Test
    void aFlushWithNothingWrittenIsPassedThrough() {
        rig.io(journal, IoRequest.flush("wal"));
        assertEquals(0, journal.commits());
        assertEquals(1, device.seen.size());
    }

    @Test
    void flushesArrivingDuringACommitShareTheNextOneAndFinishInArrivalOrder() {
        List<String> done = new ArrayList<>();
        journal.submit(IoRequest.write("wal", 0, 4096), r -> { });
        journal.submit(IoRequest.flush("wal"), r -> done.add("a"));
        journal.submit(IoRequest.write("backend", 1L << 30, 4096), r -> { });
        journal.submit(IoRequest.flush("backend"), r -> done.add("b"));
        journal.submit(IoRequest.write("wal", 4096, 4096), r -> { });
        journal.submit(IoRequest.flush("wal"), r -> done.add("c"));
        rig.sim.run();
        assertEquals(List.of("a", "b", "c"), done);
        assertEquals(2, journal.commits(), "b and c share the second commit");
        // the commit records go one after another through the journal region
        List<Long> records = device.seen.stream().filter(q -> q.lengthBytes() == 16 * 1024).map(IoRequest::offsetBytes)
                .toList();
        assertEquals(List.of(32L << 30, (32L << 30) + 16 * 1024), records);
    }

    @Test
    void withoutAJournalEveryRequestPassesThrough() {
        FsJournal none = new FsJournal(device, rig.sim, FsJournal.Options.none());
        rig.io(none, IoRequest.write("wal", 0, 4096));
        rig.io(none, IoRequest.flush("wal"));
        assertEquals(2, device.seen.size());
        assertEquals(0, none.commits());
    }
}
