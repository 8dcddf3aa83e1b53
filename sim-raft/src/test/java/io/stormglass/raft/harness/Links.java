package io.stormglass.raft.harness;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Which directed links of the test network are cut (partitions, one-way cuts). */
final class Links {
    private final Set<String> cut = new TreeSet<>();

    private static String link(long from, long to) {
        return from + "->" + to;
    }

    void cut(long from, long to) {
        cut.add(link(from, to));
    }

    /** Cuts every link between the groups and heals every other link. */
    void partition(List<List<Long>> groups) {
        cut.clear();
        for (List<Long> a : groups) {
            for (List<Long> b : groups) {
                if (a != b) {
                    for (long x : a) {
                        for (long y : b) {
                            cut.add(link(x, y));
                        }
                    }
                }
            }
        }
    }

    void heal() {
        cut.clear();
    }

    boolean isCut(long from, long to) {
        return cut.contains(link(from, to));
    }
}
