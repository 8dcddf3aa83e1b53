package io.stormglass.scenario.cli;

/** The exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An internal error: a bug in Stormglass. */
    public static final int INTERNAL_ERROR = 1;
    /** Bad input: a malformed scenario or history, a missing file, a wrong option. */
    public static final int BAD_INPUT = 2;
    /** check-history: the budget ran out before an answer. */
    public static final int UNKNOWN = 3;
    /** check-history: the history is not linearizable. */
    public static final int NOT_LINEARIZABLE = 1;
    /** run and fuzz: a safety, liveness or linearizability check failed. */
    public static final int CHECK_FAILED = 1;

    private ExitCodes() {
    }
}
