package io.stormglass.raft.wal.internal;

import io.stormglass.raft.wal.WalCrc;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.wal.WalMetadata;
import io.stormglass.raft.wal.WalRecord;
import io.stormglass.raft.wal.WalSnapshotMarker;
import io.stormglass.raft.log.ConfStateCodec;
import java.util.Optional;

/** Maps {@link WalRecord}s and durable marks to frame payloads and back (layouts in the package javadoc). */
public final class RecordCodec {
    /** Bytes of a durable mark's frame. */
    public static final int DURABLE_MARK_FRAME_BYTES = Frames.frameBytes(8);

    private RecordCodec() {
    }

    /** Encodes a record as a complete frame. */
    public static byte[] encode(WalRecord record) {
        byte[] frame = new byte[Frames.frameBytes(payloadBytes(record))];
        encodeInto(record, frame, 0);
        return frame;
    }

    /** Bytes of {@code record}'s frame. */
    public static int frameBytes(WalRecord record) {
        return Frames.frameBytes(payloadBytes(record));
    }

    /**
     * Writes {@code record}'s complete frame at {@code buf[at...]}, which must hold
     * {@link #frameBytes} bytes there (whatever they held before), and returns its size: the
     * payload goes straight into place, so a save allocates nothing per record (issue 23).
     */
    public static int encodeInto(WalRecord record, byte[] buf, int at) {
        int p = at + Frames.HEADER_BYTES;
        int type;
        int payload;
        if (record instanceof WalRecord.EntryRecord r) {
            Entry e = r.entry();
            Le.putLong(buf, p, e.term());
            Le.putLong(buf, p + 8, e.index());
            Le.putInt(buf, p + 16, e.type().ordinal());
            System.arraycopy(e.data(), 0, buf, p + 20, e.data().length);
            type = Frames.TYPE_ENTRY;
            payload = 20 + e.data().length;
        } else if (record instanceof WalRecord.StateRecord r) {
            HardState s = r.state();
            Le.putLong(buf, p, s.term());
            Le.putLong(buf, p + 8, s.vote());
            Le.putLong(buf, p + 16, s.commit());
            type = Frames.TYPE_STATE;
            payload = 24;
        } else if (record instanceof WalSnapshotMarker m) {
            byte[] cs = ConfStateCodec.encode(m.confState());
            Le.putLong(buf, p, m.index());
            Le.putLong(buf, p + 8, m.term());
            System.arraycopy(cs, 0, buf, p + 16, cs.length);
            type = Frames.TYPE_SNAPSHOT;
            payload = 16 + cs.length;
        } else if (record instanceof WalMetadata m) {
            System.arraycopy(m.data(), 0, buf, p, m.data().length);
            type = Frames.TYPE_METADATA;
            payload = m.data().length;
        } else {
            Le.putInt(buf, p, ((WalCrc) record).chainCrc());
            type = Frames.TYPE_CRC;
            payload = 4;
        }
        return Frames.seal(buf, at, type, payload);
    }

    private static int payloadBytes(WalRecord record) {
        if (record instanceof WalRecord.EntryRecord r) {
            return 20 + r.entry().data().length;
        }
        if (record instanceof WalRecord.StateRecord) {
            return 24;
        }
        if (record instanceof WalSnapshotMarker m) {
            return 16 + ConfStateCodec.encode(m.confState()).length;
        }
        if (record instanceof WalMetadata m) {
            return m.data().length;
        }
        return 4;
    }

    /** Encodes a durable mark: "bytes [0, durableOffsetBytes) of this segment were synced". */
    public static byte[] encodeDurableMark(long durableOffsetBytes) {
        byte[] frame = new byte[DURABLE_MARK_FRAME_BYTES];
        encodeDurableMarkInto(durableOffsetBytes, frame, 0);
        return frame;
    }

    /** {@link #encodeDurableMark} at {@code buf[at...]} (room for {@link #DURABLE_MARK_FRAME_BYTES}); returns the frame's size. */
    public static int encodeDurableMarkInto(long durableOffsetBytes, byte[] buf, int at) {
        Le.putLong(buf, at + Frames.HEADER_BYTES, durableOffsetBytes);
        return Frames.seal(buf, at, Frames.TYPE_DURABLE_MARK, 8);
    }

    /** The offset a durable-mark frame claims, if {@code frame} is one with a well-formed payload. */
    public static Optional<Long> durableMark(Frames.Frame frame) {
        if (frame.type() != Frames.TYPE_DURABLE_MARK || frame.payload().length != 8) {
            return Optional.empty();
        }
        return Optional.of(Le.getLong(frame.payload(), 0));
    }

    /**
     * Decodes a verified frame into a record; empty for a durable mark; throws
     * {@link IllegalArgumentException} for a payload whose size does not fit its type.
     */
    public static Optional<WalRecord> decode(Frames.Frame frame) {
        byte[] p = frame.payload();
        return switch (frame.type()) {
            case Frames.TYPE_ENTRY -> {
                requireAtLeast(p, 20, "entry");
                byte[] data = new byte[p.length - 20];
                System.arraycopy(p, 20, data, 0, data.length);
                yield Optional.of(new WalRecord.EntryRecord(new Entry(Le.getLong(p, 0), Le.getLong(p, 8),
                        entryType(Le.getInt(p, 16)), data)));
            }
            case Frames.TYPE_STATE -> {
                requireExactly(p, 24, "hard state");
                yield Optional.of(new WalRecord.StateRecord(new HardState(Le.getLong(p, 0), Le.getLong(p, 8), Le.getLong(p, 16))));
            }
            case Frames.TYPE_SNAPSHOT -> {
                requireAtLeast(p, 16, "snapshot marker");
                yield Optional.of(new WalSnapshotMarker(Le.getLong(p, 0), Le.getLong(p, 8), ConfStateCodec.decode(p, 16)));
            }
            case Frames.TYPE_METADATA -> Optional.of(new WalMetadata(p));
            case Frames.TYPE_CRC -> {
                requireExactly(p, 4, "crc");
                yield Optional.of(new WalCrc(Le.getInt(p, 0)));
            }
            case Frames.TYPE_DURABLE_MARK -> {
                requireExactly(p, 8, "durable mark");
                yield Optional.empty();
            }
            default -> throw new IllegalArgumentException("unknown record type " + frame.type());
        };
    }

    private static EntryType entryType(int ordinal) {
        EntryType[] types = EntryType.values();
        if (ordinal < 0 || ordinal >= types.length) {
            throw new IllegalArgumentException("unknown entry type " + ordinal);
        }
        return types[ordinal];
    }

    private static void requireAtLeast(byte[] p, int bytes, String what) {
        if (p.length < bytes) {
            throw new IllegalArgumentException(what + " payload of " + p.length + " bytes, expected at least " + bytes);
        }
    }

    private static void requireExactly(byte[] p, int bytes, String what) {
        if (p.length != bytes) {
            throw new IllegalArgumentException(what + " payload of " + p.length + " bytes, expected " + bytes);
        }
    }
}
