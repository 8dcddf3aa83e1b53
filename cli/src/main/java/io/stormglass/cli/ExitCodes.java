package io.stormglass.cli;

import io.stormglass.run.verdict.CheckReport;
import io.stormglass.experiment.fuzz.SeedOutcome;
import java.util.Collection;
import java.util.List;

/**
 * The exit codes of every command, told apart so that a script or CI can tell a Raft bug from a
 * liveness problem, a user's mistake, a full disk and a bug in Stormglass by the code alone
 * (listed in {@code stormglass --help} and the README).
 */
public final class ExitCodes {
    /** Done; every check passed. */
    public static final int OK = 0;
    /** The checks found a safety or linearizability violation (also: a member failed to boot or panicked). */
    public static final int SAFETY_VIOLATION = 1;
    /** check-history: the history is not linearizable. */
    public static final int NOT_LINEARIZABLE = SAFETY_VIOLATION;
    /** run and fuzz: a check failed for safety or linearizability (same as {@link #SAFETY_VIOLATION}). */
    public static final int CHECK_FAILED = SAFETY_VIOLATION;
    /** Bad input: a malformed file, a wrong option, an output path that may not be written. */
    public static final int BAD_INPUT = 2;
    /** check-history: the budget ran out before an answer. */
    public static final int UNKNOWN = 3;
    /** run and fuzz: a liveness check failed (no progress after the faults healed), and no safety check did. */
    public static final int LIVENESS_FAILURE = 4;
    /** calibrate: at least one simulated figure lies outside its tolerance. */
    public static final int OUT_OF_TOLERANCE = 5;
    /** An internal error: a bug in Stormglass (sysexits' EX_SOFTWARE). */
    public static final int INTERNAL_ERROR = 70;
    /** The output could not be written: disk full, permission denied (sysexits' EX_IOERR). */
    public static final int CANNOT_WRITE = 74;
    /** Interrupted with Ctrl-C (SIGINT): the JVM's own 128 + 2. */
    public static final int INTERRUPTED = 130;
    /** Terminated (SIGTERM): the JVM's own 128 + 15. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }

    /** The code for one run's checks: 0 passed, 4 only liveness failed, 1 anything else failed. */
    public static int forChecks(CheckReport checks) {
        return checks == null ? OK : forFailureKinds(checks.failureKinds());
    }

    /** {@link #forChecks} from a report's failure kinds (empty: passed). */
    static int forFailureKinds(List<String> kinds) {
        if (kinds.isEmpty()) {
            return OK;
        }
        boolean onlyLiveness = kinds.stream().allMatch("LIVENESS"::equals);
        return onlyLiveness ? LIVENESS_FAILURE : SAFETY_VIOLATION;
    }

    /** The code for many runs' checks: 1 if any had a safety failure, else 4 if any a liveness failure, else 0. */
    public static int forAll(Collection<CheckReport> checks) {
        return forAllFailureKinds(checks.stream().map(CheckReport::failureKinds).toList());
    }

    /**
     * The code for many runs' failure kinds: 1 if any had a safety failure, else 70 if a run threw
     * (an internal error row), else 4 if any a liveness failure, else 0.
     */
    static int forAllFailureKinds(Collection<List<String>> runs) {
        int code = OK;
        for (List<String> kinds : runs) {
            int one = kinds.contains(SeedOutcome.INTERNAL_ERROR) && kinds.size() == 1 ? INTERNAL_ERROR : forFailureKinds(kinds);
            if (one == SAFETY_VIOLATION) {
                return one;
            }
            code = Math.max(code, one);
        }
        return code;
    }
}
