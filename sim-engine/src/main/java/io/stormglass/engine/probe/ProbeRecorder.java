package io.stormglass.engine.probe;

/**
 * Where probe hits go: the counts of the run being recorded on the current thread. A simulation is
 * single-threaded and a campaign runs one simulation per thread, so a thread-local holder keeps the
 * runs of a parallel campaign apart without passing a recorder through every constructor of the system
 * under test.
 */
public final class ProbeRecorder {
    private static final ThreadLocal<ProbeCounts> ACTIVE = new ThreadLocal<>();

    private ProbeRecorder() {
    }

    /** A body whose probe hits are recorded. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code body} on this thread, counting its probe hits into {@code into} (nesting restores the outer recorder). */
    public static <T, E extends Exception> T recording(ProbeCounts into, Body<T, E> body) throws E {
        ProbeCounts outer = ACTIVE.get();
        ACTIVE.set(into);
        try {
            return body.run();
        } finally {
            if (outer == null) {
                ACTIVE.remove();
            } else {
                ACTIVE.set(outer);
            }
        }
    }

    /** Starts counting this thread's hits into {@code into} until {@link #stop()} (for runs driven step by step). */
    public static void start(ProbeCounts into) {
        ACTIVE.set(into);
    }

    /** Stops counting this thread's hits. */
    public static void stop() {
        ACTIVE.remove();
    }

    static void hit(CoverageProbe probe) {
        ProbeCounts counts = ACTIVE.get();
        if (counts != null) {
            counts.add(probe);
        }
    }
}
