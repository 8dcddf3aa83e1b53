package io.stormglass.run;

/**
 * Wall-clock time, for progress reports and a run's own speed figures only, never for anything the
 * simulation does. It is handed in from outside the simulation (the command line and the experiments
 * pass {@code System::nanoTime}); nothing in this module reads the wall clock itself, which the
 * determinism check of the build enforces.
 */
@FunctionalInterface
public interface WallClock {
    /** A clock that never moves: no progress until the end, and a run's wall time reads 0. */
    WallClock STOPPED = () -> 0;

    /** Nanoseconds from an arbitrary origin (as {@code System.nanoTime}). */
    long nanos();
}
