package io.stormglass.disk.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.disk.Rig;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.InstantBlockDevice;
import io.stormglass.engine.storage.SimFileSystem;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OverlayFileSystemTest {
    private static byte[] bytes(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] read(DataFile f, long offset, int n) {
        byte[] b = new byte[n];
        f.read(offset, b, 0, n);
        return b;
    }

    @Test
    void misdirectedWriteLosesItsTargetAndOverwritesAnotherRangeUntilTheOverlayIsOff() {
        Rig rig = new Rig(51);
        SimFileSystem pristine = new SimFileSystem(rig.sim, new InstantBlockDevice(rig.sim, "i"),
                rig.env.random("fs"), "n1");
        OverlayFileSystem fs = new OverlayFileSystem(pristine);
        DataFile f = fs.open("db");
        f.append(bytes(8192, 1), 0, 8192);
        fs.misdirectNextWrite("db", 4096);
        f.write(0, bytes(512, 7), 0, 512);
        assertArrayEquals(bytes(512, 1), read(f, 0, 512), "the aimed-at range still holds the old data");
        assertArrayEquals(bytes(512, 7), read(f, 4096, 512), "the data landed 4 KiB away");
        assertEquals(2, fs.faultyReads());
        fs.setEnabled(false);
        assertArrayEquals(bytes(512, 7), read(f, 0, 512), "pristine contents underneath");
        assertArrayEquals(bytes(512, 1), read(f, 4096, 512));
        fs.setEnabled(true);
        f.write(4096, bytes(512, 9), 0, 512);
        assertArrayEquals(bytes(512, 9), read(f, 4096, 512), "a correct rewrite replaces the faulty bytes");
    }

    @Test
    void bitRotIsFoundOnReadAndClearable() {
        Rig rig = new Rig(52);
        OverlayFileSystem fs = new OverlayFileSystem(new SimFileSystem(rig.sim, new InstantBlockDevice(rig.sim, "i"),
                rig.env.random("fs"), "n1"));
        DataFile f = fs.open("snap");
        f.append(bytes(100, 0x10), 0, 100);
        fs.rot("snap", 42, 0);
        byte[] got = read(f, 0, 100);
        assertEquals(0x11, got[42]);
        assertEquals(0x10, got[41]);
        assertEquals(1, fs.faultyReads());
        fs.clear();
        assertArrayEquals(bytes(100, 0x10), read(f, 0, 100));
    }
}
