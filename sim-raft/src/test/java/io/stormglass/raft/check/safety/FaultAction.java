package io.stormglass.raft.check.safety;

import io.stormglass.engine.storage.CrashMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fault of a schedule: what, when ({@code atMs} after the start), for how long, against whom.
 * Deliberately flat ints, so that jqwik shrinks a failing schedule by dropping actions and moving
 * numbers towards zero.
 *
 * @param kind   the fault
 * @param atMs   start, in simulated milliseconds from the start of the run
 * @param forMs  duration in milliseconds (a crashed member restarts after it)
 * @param target a member (taken modulo the cluster size) or, for partitions, a bit set of members
 *               (bit i = member i+1) forming one side
 * @param param  kind-specific: the {@link CrashMode} ordinal, the slow-down factor, the loss or
 *               duplication rate in percent, the maximum extra delay in ms, the flapping period in ms
 */
record FaultAction(Kind kind, int atMs, int forMs, int target, int param) {
    enum Kind { CRASH, PARTITION, ONE_WAY, FLAPPING, DISK_STALL, DISK_SLOW, DROP, DUPLICATE, DELAY }

    long atNanos() {
        return atMs * 1_000_000L;
    }

    long forNanos() {
        return forMs * 1_000_000L;
    }

    /** The member this action targets, 1..size. */
    int member(int size) {
        return 1 + Math.floorMod(target, size);
    }

    CrashMode crashMode() {
        return CrashMode.values()[Math.floorMod(param, CrashMode.values().length)];
    }

    /**
     * The side of a partition: the members in {@code target}'s bit set, never empty nor the whole
     * cluster (an empty or full side is taken as member 1 alone).
     */
    List<Integer> side(int size) {
        List<Integer> side = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            if (((target >> (id - 1)) & 1) == 1) {
                side.add(id);
            }
        }
        return side.isEmpty() || side.size() == size ? List.of(1) : side;
    }

    static List<Integer> others(List<Integer> side, int size) {
        List<Integer> rest = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            if (!side.contains(id)) {
                rest.add(id);
            }
        }
        return rest;
    }

    /** One {@code faults:} entry of a scenario file. */
    String toYaml(int size) {
        String head = "  - at: " + atMs + "ms\n    for: " + forMs + "ms\n    ";
        List<Integer> side = side(size);
        String body = switch (kind) {
            case CRASH -> "crash: {member: n" + member(size) + ", mode: " + crashMode().name().toLowerCase(Locale.ROOT).replace('_', '-') + "}";
            case PARTITION -> "partition: {kind: full, sides: [" + names(side) + ", " + names(others(side, size)) + "]}";
            case ONE_WAY -> "partition: {kind: one-way, from: " + names(side) + ", to: " + names(others(side, size)) + "}";
            case FLAPPING -> "partition: {kind: flapping, sides: [" + names(side) + ", " + names(others(side, size))
                    + "], period: " + flappingPeriodMs() + "ms}";
            case DISK_STALL -> "disk-stall: {member: n" + member(size) + ", device: wal}";
            case DISK_SLOW -> "disk-slow: {member: n" + member(size) + ", device: wal, factor: " + slowFactor() + "}";
            case DROP -> "packet-loss: {rate: " + ratePercent() + "%}";
            case DUPLICATE -> "duplicate: {rate: " + ratePercent() + "%, traffic: peer}";
            case DELAY -> "delay: {extra-max: " + delayMaxMs() + "ms, reorder: true}";
        };
        return head + body + "\n";
    }

    int slowFactor() {
        return 2 + Math.floorMod(param, 99);
    }

    int ratePercent() {
        return 1 + Math.floorMod(param, 50);
    }

    int delayMaxMs() {
        return 1 + Math.floorMod(param, 200);
    }

    int flappingPeriodMs() {
        return 20 + Math.floorMod(param, 500);
    }

    private static String names(List<Integer> ids) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('n').append(ids.get(i));
        }
        return b.append(']').toString();
    }
}
