package io.stormglass.raft.wal.internal;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Frame encoding and decoding; the byte layout is documented in the {@code wal} package javadoc.
 */
public final class Frames {
    /** Bytes before the payload: length word (8), type (4), CRC32C (4). */
    public static final int HEADER_BYTES = 16;
    /** Frames start and end on this alignment (etcd: 8-byte frames so a torn write shows as a short frame). */
    public static final int ALIGN_BYTES = 8;

    public static final int TYPE_METADATA = 1;
    public static final int TYPE_ENTRY = 2;
    public static final int TYPE_STATE = 3;
    public static final int TYPE_CRC = 4;
    public static final int TYPE_SNAPSHOT = 5;
    public static final int TYPE_DURABLE_MARK = 6;

    private static final long PADDED_FLAG = 0x80L << 56;
    private static final long LENGTH_MASK = (1L << 56) - 1;

    private Frames() {
    }

    /** Padding after a payload of {@code payloadBytes} so the frame ends 8-byte aligned. */
    public static int padBytes(int payloadBytes) {
        return (ALIGN_BYTES - payloadBytes % ALIGN_BYTES) % ALIGN_BYTES;
    }

    /** Total frame size for a payload of {@code payloadBytes}. */
    public static int frameBytes(int payloadBytes) {
        return HEADER_BYTES + payloadBytes + padBytes(payloadBytes);
    }

    /** Encodes one frame (header, payload, zero padding). */
    public static byte[] encode(int type, byte[] payload) {
        byte[] frame = new byte[frameBytes(payload.length)];
        System.arraycopy(payload, 0, frame, HEADER_BYTES, payload.length);
        seal(frame, 0, type, payload.length);
        return frame;
    }

    /**
     * Completes the frame at {@code buf[at...]} whose {@code payloadBytes} of payload are already in
     * place after the header: writes the header (length word, type, CRC) and the zero padding.
     * Returns the frame's size.
     */
    public static int seal(byte[] buf, int at, int type, int payloadBytes) {
        int pad = padBytes(payloadBytes);
        long lengthWord = payloadBytes;
        if (pad != 0) {
            lengthWord |= PADDED_FLAG | ((long) pad << 56);
        }
        Le.putLong(buf, at, lengthWord);
        Le.putInt(buf, at + 8, type);
        int end = at + HEADER_BYTES + payloadBytes;
        Arrays.fill(buf, end, end + pad, (byte) 0);
        Le.putInt(buf, at + 12, checksum(buf, at, payloadBytes));
        return HEADER_BYTES + payloadBytes + pad;
    }

    /** CRC32C of the first 12 header bytes and the payload of the frame at {@code offset}. */
    static int checksum(byte[] buf, int offset, int payloadBytes) {
        CRC32C crc = new CRC32C();
        crc.update(buf, offset, 12);
        crc.update(buf, offset + HEADER_BYTES, payloadBytes);
        return (int) crc.getValue();
    }

    /** The next chain value: CRC32C of the previous chain value and the record's CRC, both little-endian. */
    public static int chain(int previousChain, int recordCrc) {
        byte[] b = new byte[8];
        Le.putInt(b, 0, previousChain);
        Le.putInt(b, 4, recordCrc);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, 8);
        return (int) crc.getValue();
    }

    /** The CRC field of the frame at {@code buf[at...]}. */
    public static int crcAt(byte[] buf, int at) {
        return Le.getInt(buf, at + 12);
    }

    /**
     * Decodes the frame at {@code offset} of {@code buf[0, size)}: a valid {@link Frame} or a
     * {@link BadFrame} saying why not. Never throws for bad bytes.
     */
    public static FrameRead decodeAt(byte[] buf, int size, int offset) {
        if (size - offset < HEADER_BYTES) {
            return new BadFrame(offset, "torn frame header: " + (size - offset) + " bytes left");
        }
        long lengthWord = Le.getLong(buf, offset);
        int type = Le.getInt(buf, offset + 8);
        int storedCrc = Le.getInt(buf, offset + 12);
        if (lengthWord == 0 && type == 0 && storedCrc == 0) {
            return new BadFrame(offset, "zero-filled frame header");
        }
        long payload = lengthWord & LENGTH_MASK;
        long flags = lengthWord >>> 56;
        long pad = (flags & 0x80) != 0 ? flags & 0x7 : 0;
        if ((flags & 0x78) != 0 || pad != padBytes((int) Math.min(payload, Integer.MAX_VALUE))
                || (flags == 0x80 && pad == 0)) {
            return new BadFrame(offset, "invalid length word 0x" + Long.toHexString(lengthWord));
        }
        if (payload > size - offset - HEADER_BYTES - pad) {
            return new BadFrame(offset, "frame of " + payload + " payload bytes extends past the end of the file");
        }
        int payloadBytes = (int) payload;
        if (checksum(buf, offset, payloadBytes) != storedCrc) {
            return new BadFrame(offset, "CRC32C mismatch");
        }
        if (type < TYPE_METADATA || type > TYPE_DURABLE_MARK) {
            return new BadFrame(offset, "unknown record type " + type);
        }
        byte[] data = new byte[payloadBytes];
        System.arraycopy(buf, offset + HEADER_BYTES, data, 0, payloadBytes);
        return new Frame(offset, type, data, storedCrc, HEADER_BYTES + payloadBytes + (int) pad);
    }

    /** Outcome of decoding at one offset. */
    public sealed interface FrameRead permits Frame, BadFrame {
        int offset();
    }

    /** A frame whose CRC verified. */
    public record Frame(int offset, int type, byte[] payload, int crc, int totalBytes) implements FrameRead {
        public int endOffset() {
            return offset + totalBytes;
        }
    }

    /** Bytes at {@code offset} that are not a valid frame. */
    public record BadFrame(int offset, String reason) implements FrameRead {
    }
}
