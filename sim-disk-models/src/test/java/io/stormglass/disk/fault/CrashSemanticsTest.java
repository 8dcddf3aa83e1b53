package io.stormglass.disk.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.disk.Rig;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.SimFileSystem;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Power loss through the disk models: synced data always survives, unsynced data follows the mode. */
class CrashSemanticsTest {
    private static final List<DiskSpec> DEVICES = List.of(NvmeDisk.Options.defaults(false),
            HddDisk.Options.defaults(), Raid5Disk.Options.defaults());

    @Property(tries = 60)
    void syncedSurvivesAndUnsyncedFollowsTheMode(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 0, max = 3) int modeIndex, @ForAll @IntRange(min = 0, max = 2) int deviceIndex,
            @ForAll @IntRange(min = 1, max = 20_000) int syncedBytes,
            @ForAll @IntRange(min = 1, max = 20_000) int unsyncedBytes) {
        CrashMode mode = CrashMode.values()[modeIndex];
        Rig rig = new Rig(seed);
        SimFileSystem fs = new SimFileSystem(rig.sim, rig.device("d", DEVICES.get(deviceIndex)),
                rig.env.random("fs"), "n1/wal");
        DataFile f = fs.open("wal");
        byte[] synced = filled(syncedBytes, (byte) 0x11);
        byte[] unsynced = filled(unsyncedBytes, (byte) 0x22);
        f.append(synced, 0, synced.length);
        IoResult[] done = new IoResult[1];
        f.sync(r -> done[0] = r);
        rig.sim.run();
        assertTrue(done[0].isOk());
        f.append(unsynced, 0, unsynced.length);
        fs.crash(mode);

        byte[] prefix = new byte[syncedBytes];
        assertTrue(f.sizeBytes() >= syncedBytes, "synced bytes lost under " + mode);
        f.read(0, prefix, 0, syncedBytes);
        assertArrayEquals(synced, prefix, "synced data changed under " + mode);
        long extra = f.sizeBytes() - syncedBytes;
        byte[] tail = new byte[(int) extra];
        f.read(syncedBytes, tail, 0, tail.length);
        switch (mode) {
            case DROP_UNSYNCED -> assertEquals(0, extra);
            case KEEP_UNSYNCED -> assertArrayEquals(unsynced, tail);
            case TORN_UNSYNCED -> {
                assertTrue(extra <= unsyncedBytes);
                for (byte b : tail) {
                    // a lost sector before a kept one reads as zeros (a hole)
                    assertTrue(b == 0x22 || b == 0, "torn data is old or new, never garbage");
                }
            }
            case CORRUPT_UNSYNCED -> assertTrue(extra <= unsyncedBytes);
        }
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }
}
