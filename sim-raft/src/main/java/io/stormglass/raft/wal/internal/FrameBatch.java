package io.stormglass.raft.wal.internal;

import io.stormglass.raft.wal.WalCrc;
import io.stormglass.raft.wal.WalRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one save, written with a single {@code write} (as etcd's encoder flushes its
 * buffer once per save), and the chain value after them.
 */
public final class FrameBatch {
    private final List<byte[]> frames = new ArrayList<>();
    private int chain;
    private int bytes;

    /** Starts a batch that continues the chain at {@code chain}. */
    public FrameBatch(int chain) {
        this.chain = chain;
    }

    /** Adds a segment's leading crc record, which carries the chain and is not chained itself. */
    public FrameBatch addCrcRecord() {
        return addFrame(RecordCodec.encode(new WalCrc(chain)), false);
    }

    public FrameBatch add(WalRecord record) {
        return addFrame(RecordCodec.encode(record), true);
    }

    public FrameBatch addDurableMark(long durableOffsetBytes) {
        return addFrame(RecordCodec.encodeDurableMark(durableOffsetBytes), true);
    }

    private FrameBatch addFrame(byte[] frame, boolean chained) {
        frames.add(frame);
        bytes += frame.length;
        if (chained) {
            chain = Frames.chain(chain, Frames.crcOf(frame));
        }
        return this;
    }

    /** Chain value after the last frame of the batch. */
    public int chain() {
        return chain;
    }

    /** All frames, concatenated. */
    public byte[] toBytes() {
        byte[] out = new byte[bytes];
        int at = 0;
        for (byte[] f : frames) {
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }
}
