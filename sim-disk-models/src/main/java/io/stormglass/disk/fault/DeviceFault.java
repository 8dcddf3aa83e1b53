package io.stormglass.disk.fault;

/** A timing or error fault a {@link FaultyDevice} can switch on and off. */
public sealed interface DeviceFault {
    /** Text for the timeline's {@code FaultChanged} events. */
    String describe();

    /**
     * The device stops: requests submitted meanwhile are held, and completions due meanwhile are
     * delivered only when the stall ends (a firmware hiccup, a multipath failover, a hung OSD).
     */
    record Stall() implements DeviceFault {
        @Override
        public String describe() {
            return "stall";
        }
    }

    /** Every request completing meanwhile takes {@code factor} times its latency. */
    record Slow(double factor) implements DeviceFault {
        public Slow {
            if (factor < 1) {
                throw new IllegalArgumentException("slow factor must be at least 1: " + factor);
            }
        }

        @Override
        public String describe() {
            return "slow x" + factor;
        }
    }

    /** FLUSH completes with EIO, so fdatasync fails (the data may or may not have reached the media). */
    record FlushError() implements DeviceFault {
        @Override
        public String describe() {
            return "fsync EIO";
        }
    }

    /** WRITEs fail with ENOSPC (a thin-provisioned volume whose pool ran out). */
    record NoSpace() implements DeviceFault {
        @Override
        public String describe() {
            return "ENOSPC";
        }
    }
}
