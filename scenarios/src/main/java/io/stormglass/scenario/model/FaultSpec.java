package io.stormglass.scenario.model;

import io.stormglass.disk.fault.DeviceFault;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.net.partition.NetworkFault;

/** One entry of the fault timeline. A closed family: the runner schedules each kind. */
public sealed interface FaultSpec {
    Timing timing();

    /** A one-line description for the timeline and the report. */
    String describe();

    /**
     * When a fault happens.
     *
     * @param atNanos    first occurrence
     * @param forNanos   how long each occurrence lasts (0: instant, or until the end of the run)
     * @param everyNanos repeat period (0: once)
     * @param untilNanos no occurrence starts after this (0: the end of the run)
     */
    record Timing(long atNanos, long forNanos, long everyNanos, long untilNanos) {
        public static Timing once(long atNanos, long forNanos) {
            return new Timing(atNanos, forNanos, 0, 0);
        }
    }

    /** Kill a member (with a power loss of its disks in {@code crashMode}); it restarts after {@code for}, or stays down if 0. */
    record MemberCrash(Timing timing, int member, CrashMode crashMode) implements FaultSpec {
        @Override
        public String describe() {
            return "crash n" + member + " (" + crashMode.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** Crash whichever member leads at that moment (the Raft paper's failover experiment). */
    record LeaderCrash(Timing timing, CrashMode crashMode) implements FaultSpec {
        @Override
        public String describe() {
            return "crash the leader";
        }
    }

    /** A network fault active for {@code for} (the rest of the run if 0), toggling every {@code flapPeriodNanos} if positive. */
    record Partition(Timing timing, NetworkFault fault, long flapPeriodNanos) implements FaultSpec {
        @Override
        public String describe() {
            return fault.describe() + (flapPeriodNanos > 0 ? " (flapping)" : "");
        }
    }

    /** A device fault (stall, slow, EIO, ENOSPC) on a named device for {@code for}. */
    record DiskFault(Timing timing, String device, DeviceFault fault) implements FaultSpec {
        @Override
        public String describe() {
            return fault.describe() + " on " + device;
        }
    }

    /** Step a member's clock by {@code stepNanos} (may be negative). */
    record ClockStep(Timing timing, int member, long stepNanos) implements FaultSpec {
        @Override
        public String describe() {
            return "clock step n" + member + " by " + stepNanos + " ns";
        }
    }

    /** Set a member's clock drift. */
    record ClockDrift(Timing timing, int member, long driftPpm) implements FaultSpec {
        @Override
        public String describe() {
            return "clock drift n" + member + " " + driftPpm + " ppm";
        }
    }
}
