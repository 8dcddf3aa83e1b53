package io.stormglass.experiment.exec;

import java.io.Serializable;

/**
 * What one unit of work runs: one deterministic simulation (a sweep point × seed, a fuzz seed, a
 * capacity profile, a batch of failover trials) turned into one small result row. A job is
 * serializable, and so are its units and rows, so that a distributed engine can ship the job to
 * another JVM and the row back; a job therefore names its inputs (files, options), never the
 * objects loaded from them, and loads them again where it runs (once per JVM, see
 * {@link LoadedOnce}).
 *
 * <p>Contract: {@link #run} depends on the unit and the job's inputs only (no wall clock in the
 * row's figures except columns named {@code wall_*}), so every engine gives the same rows.
 *
 * @param <U> a unit of work
 * @param <R> its result row
 */
public interface UnitJob<U extends Serializable, R extends Serializable> extends Serializable {
    /** Runs one unit; a throw becomes {@link #internalError}'s row, never a retry. */
    R run(U unit) throws Exception;

    /**
     * The row recorded for a unit whose {@link #run} threw (a bug in Stormglass or a broken input
     * on the machine that ran it): an {@code error} row with {@code error}'s one-line description.
     */
    R internalError(U unit, String error);
}
