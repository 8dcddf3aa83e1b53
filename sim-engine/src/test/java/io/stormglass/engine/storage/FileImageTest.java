package io.stormglass.engine.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.RandomStreams;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileImageTest {
    private static final int PAGE = SimFileSystem.PAGE_BYTES;

    /** WAL-like records: a sequence number and a run of filler, appended 300 bytes at a time. */
    private static byte[] records(int bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < bytes; i++) {
            b.append("rec").append(i).append('-').append("x".repeat(290));
        }
        return b.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
    }

    /** A file holding {@code data}, all of it synced. */
    private static FileImage synced(byte[] data) {
        FileImage image = new FileImage(new PageCodec());
        image.write(0, data, 0, data.length);
        image.makeDurable(image.lastSeq());
        return image;
    }

    /** {@code base}'s first {@code length} bytes with {@code part} written over them from {@code at}. */
    private static byte[] spliced(byte[] base, int length, int at, byte[] part) {
        byte[] out = java.util.Arrays.copyOf(base, length);
        System.arraycopy(part, 0, out, at, part.length);
        return out;
    }

    private static void crash(FileImage image) {
        image.crash(CrashMode.DROP_UNSYNCED, new RandomStreams(1).stream("crash"));
    }

    private static byte[] read(FileImage image) {
        byte[] out = new byte[image.size()];
        image.read(0, out, 0, out.length);
        return out;
    }

    @Test
    void settledPagesArePackedOnceForBothImagesAndReadBackExactly() {
        FileImage image = new FileImage(new PageCodec());
        byte[] data = records(64 * PAGE + 100);
        for (int at = 0; at < data.length; at += 300) {
            image.write(at, data, at, Math.min(300, data.length - at));
            image.makeDurable(image.lastSeq());
        }
        assertArrayEquals(data, read(image));
        assertTrue(image.heldBytes() < data.length / 4,
                "64 settled pages packed and shared, the tail raw in both images: " + image.heldBytes() + " bytes");
        crash(image);
        assertArrayEquals(data, read(image), "the durable image reads the same after a crash");
    }

    @Test
    void settledZeroPagesHoldNoMemoryAndStillReadBackWrittenBytesAfterCrashes() {
        FileImage image = new FileImage(new PageCodec());
        byte[] zeros = new byte[8 * PAGE];
        image.write(0, zeros, 0, zeros.length);
        image.makeDurable(image.lastSeq());
        assertEquals(0, image.heldBytes(), "eight settled pages of zeros are held as no pages");
        byte[] patch = "PATCHED".getBytes(StandardCharsets.US_ASCII);
        image.write(3 * PAGE + 5, patch, 0, patch.length);
        byte[] expected = spliced(zeros, zeros.length, 3 * PAGE + 5, patch);
        assertArrayEquals(expected, read(image));
        crash(image);
        assertArrayEquals(zeros, read(image), "the unsynced patch is lost, the page reads zeros again");
        image.write(3 * PAGE + 5, patch, 0, patch.length);
        image.makeDurable(image.lastSeq());
        image.write(3 * PAGE, zeros, 0, PAGE);
        assertArrayEquals(zeros, read(image), "zeros written over the patch read as zeros");
        crash(image);
        assertArrayEquals(expected, read(image), "the synced patch survives, the unsynced zeros over it do not");
    }

    @Test
    void aWriteIntoAPackedPageChangesOnlyTheCurrentImageUntilItIsSynced() {
        byte[] data = records(4 * PAGE);
        FileImage image = synced(data);
        byte[] patch = "PATCHED".getBytes(StandardCharsets.US_ASCII);
        image.write(PAGE + 10, patch, 0, patch.length);
        byte[] expected = spliced(data, data.length, PAGE + 10, patch);
        assertArrayEquals(expected, read(image));
        crash(image);
        assertArrayEquals(data, read(image), "the unsynced patch is lost, the packed durable page intact");
        image.write(PAGE + 10, patch, 0, patch.length);
        image.makeDurable(image.lastSeq());
        crash(image);
        assertArrayEquals(expected, read(image), "once synced, the patch survives");
    }

    @Test
    void aPendingTruncateKeepsPagesUnsharedAndAGrowthAfterItReadsTheNewBytes() {
        byte[] data = records(3 * PAGE);
        FileImage image = synced(data);
        image.truncate(PAGE / 2);
        byte[] tail = records(2 * PAGE);
        image.write(PAGE / 2, tail, 0, tail.length);
        image.makeDurable(image.lastSeq());
        byte[] expected = spliced(data, PAGE / 2 + tail.length, PAGE / 2, tail);
        assertArrayEquals(expected, read(image));
        crash(image);
        assertEquals(expected.length, image.size());
        assertArrayEquals(expected, read(image));
    }
}
