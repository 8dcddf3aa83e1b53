package io.stormglass.experiment.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The peak of retained heap over an interval: the sum over the heap's memory pools that hold what
 * survived a collection (old generation, survivor spaces; not the eden, whose peak is its size, all
 * short-lived garbage) of their peak usage since {@link #reset()}. Pools peak at different moments, so
 * the sum is an upper bound; it includes old garbage not yet collected, so it overstates what a run
 * needs, never understates it: a run whose peak is P fits in about {@code -Xmx} P plus a young generation.
 */
final class HeapPeak {
    private HeapPeak() {
    }

    /** Starts a new interval: collects garbage so that the previous case's leftovers do not count. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Bytes: the sum of the heap pools' peaks since the last {@link #reset()}. */
    static long bytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null && !pool.getName().contains("Eden")) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
