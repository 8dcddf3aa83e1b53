package io.stormglass.raft.wal.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of one segment up to the first bad one, and what valid durable marks anywhere in
 * the file prove about which bytes were synced.
 *
 * @param frames             valid frames before {@code firstBad}, in file order
 * @param firstBad           the first offset that is not a valid frame, or null if the file ends cleanly
 * @param provenDurableBytes the largest offset a valid durable mark claims (0 if none)
 * @param validFramesAfterBad valid frames found by resynchronising after {@code firstBad}
 */
public record SegmentScan(List<Frames.Frame> frames, Frames.BadFrame firstBad, long provenDurableBytes,
        int validFramesAfterBad) {

    /** Offset where the valid prefix ends. */
    public int validEndOffset() {
        return frames.isEmpty() ? 0 : frames.get(frames.size() - 1).endOffset();
    }

    /**
     * Scans {@code buf[0, size)}. After the first bad frame, keeps looking at every 8-byte
     * boundary for valid frames, because a valid durable mark after the damage proves that the
     * damaged bytes had been synced (so the damage is not a torn write).
     */
    public static SegmentScan scan(byte[] buf, int size) {
        List<Frames.Frame> frames = new ArrayList<>();
        long proven = 0;
        int at = 0;
        Frames.BadFrame bad = null;
        while (at < size) {
            Frames.FrameRead read = Frames.decodeAt(buf, size, at);
            if (read instanceof Frames.BadFrame b) {
                bad = b;
                break;
            }
            Frames.Frame f = (Frames.Frame) read;
            frames.add(f);
            proven = Math.max(proven, RecordCodec.durableMark(f).orElse(0L));
            at = f.endOffset();
        }
        int after = 0;
        if (bad != null) {
            int p = bad.offset() + Frames.ALIGN_BYTES;
            while (p + Frames.HEADER_BYTES <= size) {
                if (Frames.decodeAt(buf, size, p) instanceof Frames.Frame f) {
                    after++;
                    proven = Math.max(proven, RecordCodec.durableMark(f).orElse(0L));
                    p = f.endOffset();
                } else {
                    p += Frames.ALIGN_BYTES;
                }
            }
        }
        return new SegmentScan(List.copyOf(frames), bad, proven, after);
    }
}
