package io.stormglass.experiment.exec;

import java.io.Serializable;

/** Runs a unit so that any throw becomes the job's error row (every engine runs units through here). */
public final class UnitFailures {
    private UnitFailures() {
    }

    /**
     * {@code job.run(unit)}, or {@code job.internalError(unit, ...)} if it threw an exception, an
     * assertion or a stack overflow. Other errors (out of memory, a killed JVM) are left to the
     * engine: Spark retries such a task on another executor.
     */
    public static <U extends Serializable, R extends Serializable> R runGuarded(UnitJob<U, R> job, U unit) {
        try {
            return job.run(unit);
        } catch (Exception | StackOverflowError | AssertionError e) {
            return job.internalError(unit, describe(e));
        }
    }

    /** "Class: message at first.Frame(File.java:12)": one line, enough to find the bug. */
    public static String describe(Throwable e) {
        StackTraceElement[] at = e.getStackTrace();
        String where = at.length == 0 ? "" : " at " + at[0];
        return e.getClass().getSimpleName() + ": " + e.getMessage() + where;
    }
}
