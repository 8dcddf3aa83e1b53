package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.log.Entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.wal.internal.FrameBatch;
import io.stormglass.raft.wal.internal.Frames;
import io.stormglass.raft.wal.internal.Le;
import io.stormglass.raft.wal.internal.RecordCodec;
import io.stormglass.raft.wal.internal.SegmentName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FramesTest {
    @Test
    void framesAreEightByteAlignedWithEtcdPaddingFlag() {
        for (int n = 0; n < 40; n++) {
            byte[] frame = Frames.encode(Frames.TYPE_METADATA, new byte[n]);
            assertEquals(0, frame.length % 8, "frame of payload " + n);
            assertEquals(16 + n + (8 - n % 8) % 8, frame.length);
            long word = Le.getLong(frame, 0);
            int pad = (8 - n % 8) % 8;
            long expected = pad == 0 ? n : n | ((0x80L | pad) << 56);
            assertEquals(expected, word, "length word for payload " + n);
        }
    }

    @Test
    void everyRecordTypeRoundTrips() {
        List<WalRecord> records = List.of(new WalRecord.EntryRecord(new Entry(3, 7, EntryType.CONF_CHANGE, new byte[] {1, 2, 3})),
                new WalRecord.StateRecord(new HardState(4, 2, 6)),
                new WalSnapshotMarker(9, 3), new WalMetadata(new byte[] {9, 8}), new WalCrc(0xCAFEBABE),
                new WalRecord.EntryRecord(Entry.normal(1, 1, new byte[0])));
        for (WalRecord r : records) {
            byte[] frame = RecordCodec.encode(r);
            Frames.FrameRead read = Frames.decodeAt(frame, frame.length, 0);
            Frames.Frame f = assertInstanceOf(Frames.Frame.class, read);
            assertEquals(frame.length, f.totalBytes());
            assertEquals(Optional.of(r), RecordCodec.decode(f));
        }
        byte[] mark = RecordCodec.encodeDurableMark(4096);
        Frames.Frame f = (Frames.Frame) Frames.decodeAt(mark, mark.length, 0);
        assertEquals(Optional.of(4096L), RecordCodec.durableMark(f));
        assertEquals(Optional.empty(), RecordCodec.decode(f));
    }

    /** A batch encodes into a reused buffer that still holds an earlier batch: same bytes as fresh frames. */
    @Test
    void aBatchInAReusedBufferEqualsItsFramesConcatenated() {
        byte[] dirty = new byte[40];
        java.util.Arrays.fill(dirty, (byte) 0xA5);
        List<WalRecord> records = List.of(new WalRecord.EntryRecord(Entry.normal(2, 5, new byte[] {1, 2, 3})),
                new WalRecord.EntryRecord(Entry.normal(2, 6, new byte[13])), new WalRecord.StateRecord(new HardState(2, 1, 6)),
                new WalRecord.EntryRecord(Entry.normal(2, 7, "x".repeat(100).getBytes())));
        FrameBatch batch = new FrameBatch(0x1234, dirty).addCrcRecord().addDurableMark(4096);
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes(RecordCodec.encode(new WalCrc(0x1234)));
        byte[] mark = RecordCodec.encodeDurableMark(4096);
        expected.writeBytes(mark);
        int chain = Frames.chain(0x1234, Le.getInt(mark, 12));
        for (WalRecord r : records) {
            batch.add(r);
            byte[] frame = RecordCodec.encode(r);
            expected.writeBytes(frame);
            chain = Frames.chain(chain, Le.getInt(frame, 12));
        }
        assertArrayEquals(expected.toByteArray(), java.util.Arrays.copyOf(batch.buffer(), batch.length()));
        assertTrue(batch.buffer().length > dirty.length, "the batch outgrew the buffer it was given");
        assertEquals(chain, batch.chain());
    }

    @Test
    void everySingleBitFlipInHeaderOrPayloadIsDetected() {
        byte[] frame = RecordCodec.encode(new WalRecord.EntryRecord(new Entry(5, 11, EntryType.CONF_CHANGE, "some payload".getBytes())));
        int covered = frame.length - Frames.padBytes(20 + 12);
        for (int bit = 0; bit < covered * 8; bit++) {
            byte[] copy = frame.clone();
            copy[bit / 8] ^= (byte) (1 << (bit % 8));
            assertInstanceOf(Frames.BadFrame.class, Frames.decodeAt(copy, copy.length, 0), "bit " + bit);
        }
    }

    @Test
    void shortZeroAndOverlongFramesAreBad() {
        byte[] frame = RecordCodec.encode(new WalRecord.StateRecord(new HardState(1, 1, 1)));
        Frames.BadFrame torn = (Frames.BadFrame) Frames.decodeAt(frame, frame.length - 8, 0);
        assertTrue(torn.reason().contains("past the end"), torn.reason());
        Frames.BadFrame header = (Frames.BadFrame) Frames.decodeAt(frame, 10, 0);
        assertTrue(header.reason().contains("torn frame header"), header.reason());
        Frames.BadFrame zero = (Frames.BadFrame) Frames.decodeAt(new byte[64], 64, 0);
        assertTrue(zero.reason().contains("zero"), zero.reason());
    }

    @Test
    void segmentNamesFollowEtcd() {
        SegmentName n = new SegmentName(0x1a, 0x2b);
        assertEquals("000000000000001a-000000000000002b.wal", n.fileName());
        assertEquals(Optional.of(n), SegmentName.parse(n.fileName()));
        assertEquals(Optional.empty(), SegmentName.parse("000000000000001a-000000000000002b.wal.tmp"));
        assertEquals(Optional.empty(), SegmentName.parse("zz00000000000001a-000000000000002b.wal"));
    }

    @Test
    void chainDependsOnOrder() {
        int ab = Frames.chain(Frames.chain(0, 1), 2);
        int ba = Frames.chain(Frames.chain(0, 2), 1);
        assertTrue(ab != ba);
        assertArrayEquals(new byte[] {1}, new WalMetadata(new byte[] {1}).data());
    }
}
