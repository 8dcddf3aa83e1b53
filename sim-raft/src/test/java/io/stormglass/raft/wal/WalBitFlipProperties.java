package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.raft.wal.internal.Frames;
import io.stormglass.raft.wal.internal.RecordCodec;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

/**
 * Bit rot in synced data: one flipped bit in a record that valid records follow must stop
 * recovery with an error naming the segment file and the record's byte offset.
 */
class WalBitFlipProperties {
    private record Victim(String segment, Frames.Frame frame, boolean inTail) {
    }

    @Property(tries = 300)
    void flippedBitIsAFatalErrorNamingSegmentAndOffset(@ForAll long seed) {
        SimRandom rng = new SimRandom(seed);
        WalTestBed bed = new WalTestBed(rng.nextBoolean() ? 4096 : 1 << 20);
        Wal wal = bed.create(new byte[] {9});
        long index = 1;
        int saves = 5 + rng.nextInt(40);
        for (int i = 0; i < saves; i++) {
            List<Entry> batch = new ArrayList<>();
            for (int k = 1 + rng.nextInt(4); k > 0; k--) {
                byte[] data = new byte[rng.nextInt(600)];
                rng.nextBytes(data);
                batch.add(Entry.normal(1, index++, data));
            }
            assertTrue(bed.saveAndWait(wal, new HardState(1, 1, index - 2), batch, true).isOk());
        }

        List<Victim> candidates = candidates(bed, wal.segmentPaths());
        Victim v = candidates.get(rng.nextInt(candidates.size()));
        int coveredBits = (Frames.HEADER_BYTES + v.frame().payload().length) * 8;
        int bit = rng.nextInt(coveredBits);
        WalCorruptionTest.flipBit(bed.fs.openExisting(v.segment()).orElseThrow(), v.frame().offset() + bit / 8L, bit % 8);

        WalOpenResult.Failed failed = assertInstanceOf(WalOpenResult.Failed.class, bed.open(WalSnapshotMarker.ZERO));
        WalError.Corruption c = assertInstanceOf(WalError.Corruption.class, failed.error());
        assertEquals(v.segment(), c.segment());
        assertEquals(v.frame().offset(), c.offsetBytes());
        Statistics.label("where").collect(v.inTail() ? "last segment" : "earlier segment");
        Statistics.label("field").collect(bit < 64 ? "length" : bit < 96 ? "type" : bit < 128 ? "crc" : "payload");
    }

    /**
     * Frames followed by valid records whose bytes are known synced: every frame but the last of
     * an earlier segment, and in the last segment those a later durable mark covers.
     */
    private static List<Victim> candidates(WalTestBed bed, List<String> segments) {
        List<Victim> out = new ArrayList<>();
        for (int s = 0; s < segments.size(); s++) {
            DataFile file = bed.fs.openExisting(segments.get(s)).orElseThrow();
            List<Frames.Frame> frames = WalCorruptionTest.frames(file);
            boolean tail = s == segments.size() - 1;
            long proven = 0;
            for (Frames.Frame f : frames) {
                proven = Math.max(proven, RecordCodec.durableMark(f).orElse(0L));
            }
            for (int i = 0; i < frames.size() - 1; i++) {
                if (!tail || frames.get(i).endOffset() <= proven) {
                    out.add(new Victim(segments.get(s), frames.get(i), tail));
                }
            }
        }
        return out;
    }
}
