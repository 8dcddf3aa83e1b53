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
        image.crash(CrashMode.DROP_UNSYNCED, new RandomStreams(1).stream("crash"));
        assertArrayEquals(data, read(image), "the durable image reads the same after a crash");
    }

    @Test
    void aWriteIntoAPackedPageChangesOnlyTheCurrentImageUntilItIsSynced() {
        FileImage image = new FileImage(new PageCodec());
        byte[] data = records(4 * PAGE);
        image.write(0, data, 0, data.length);
        image.makeDurable(image.lastSeq());
        byte[] patch = "PATCHED".getBytes(StandardCharsets.US_ASCII);
        image.write(PAGE + 10, patch, 0, patch.length);
        byte[] expected = data.clone();
        System.arraycopy(patch, 0, expected, PAGE + 10, patch.length);
        assertArrayEquals(expected, read(image));
        image.crash(CrashMode.DROP_UNSYNCED, new RandomStreams(1).stream("crash"));
        assertArrayEquals(data, read(image), "the unsynced patch is lost, the packed durable page intact");
        image.write(PAGE + 10, patch, 0, patch.length);
        image.makeDurable(image.lastSeq());
        image.crash(CrashMode.DROP_UNSYNCED, new RandomStreams(1).stream("crash"));
        assertArrayEquals(expected, read(image), "once synced, the patch survives");
    }

    @Test
    void aPendingTruncateKeepsPagesUnsharedAndAGrowthAfterItReadsTheNewBytes() {
        FileImage image = new FileImage(new PageCodec());
        byte[] data = records(3 * PAGE);
        image.write(0, data, 0, data.length);
        image.makeDurable(image.lastSeq());
        image.truncate(PAGE / 2);
        byte[] tail = records(2 * PAGE);
        image.write(PAGE / 2, tail, 0, tail.length);
        image.makeDurable(image.lastSeq());
        byte[] expected = new byte[PAGE / 2 + tail.length];
        System.arraycopy(data, 0, expected, 0, PAGE / 2);
        System.arraycopy(tail, 0, expected, PAGE / 2, tail.length);
        assertArrayEquals(expected, read(image));
        image.crash(CrashMode.DROP_UNSYNCED, new RandomStreams(1).stream("crash"));
        assertEquals(expected.length, image.size());
        assertArrayEquals(expected, read(image));
    }
}
