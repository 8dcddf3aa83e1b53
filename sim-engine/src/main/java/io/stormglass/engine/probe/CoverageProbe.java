package io.stormglass.engine.probe;

/**
 * A rare path of the system under test worth knowing a campaign reached. Modules declare theirs as an
 * enum implementing this interface and call {@link #hit()} on the path.
 */
public interface CoverageProbe {
    /** A stable name, e.g. {@code raft.vote-refused-stale-log}. */
    String probeName();

    /** What reaching the path means, one sentence. */
    String description();

    /** Counts one hit in the recorder active on this thread, if any; otherwise does nothing. */
    default void hit() {
        ProbeRecorder.hit(this);
    }
}
