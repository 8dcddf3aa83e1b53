package io.stormglass.raft.wal.internal;

import io.stormglass.raft.wal.WalCrc;
import io.stormglass.raft.wal.WalRecord;
import java.util.Arrays;

/**
 * The frames of one save, written with a single {@code write} (as etcd's encoder flushes its
 * buffer once per save), and the chain value after them. Frames are encoded straight into one
 * buffer, which the caller may hand to the next batch once this one is written (issue 23: a
 * save then allocates no frame or payload arrays); a file's {@code write} copies what it is given.
 */
public final class FrameBatch {
    private byte[] buffer;
    private int length;
    private int chain;

    /** Starts a batch that continues the chain at {@code chain}, encoding into {@code scratch} (grown as needed). */
    public FrameBatch(int chain, byte[] scratch) {
        this.chain = chain;
        this.buffer = scratch;
    }

    /** Adds a segment's leading crc record, which carries the chain and is not chained itself. */
    public FrameBatch addCrcRecord() {
        return add(new WalCrc(chain), false);
    }

    public FrameBatch add(WalRecord record) {
        return add(record, true);
    }

    public FrameBatch addDurableMark(long durableOffsetBytes) {
        int bytes = RecordCodec.encodeDurableMarkInto(durableOffsetBytes,
                reserve(RecordCodec.DURABLE_MARK_FRAME_BYTES), length);
        return appended(bytes, true);
    }

    private FrameBatch add(WalRecord record, boolean chained) {
        int bytes = RecordCodec.encodeInto(record, reserve(RecordCodec.frameBytes(record)), length);
        return appended(bytes, chained);
    }

    /** The buffer, with room for {@code bytes} more after the frames so far. */
    private byte[] reserve(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(length + bytes, buffer.length * 2));
        }
        return buffer;
    }

    private FrameBatch appended(int frameBytes, boolean chained) {
        if (chained) {
            chain = Frames.chain(chain, Frames.crcAt(buffer, length));
        }
        length += frameBytes;
        return this;
    }

    /** Chain value after the last frame of the batch. */
    public int chain() {
        return chain;
    }

    /** The buffer the frames are in: bytes {@code [0, length())}; may be larger. */
    public byte[] buffer() {
        return buffer;
    }

    /** Bytes of all frames. */
    public int length() {
        return length;
    }
}
