package io.stormglass.check.linearizability;

import io.stormglass.raft.client.Operation;
import java.util.List;

/** The answer of a linearizability check. */
public sealed interface CheckResult {
    /** Search steps spent, over all keys. */
    long steps();

    record Linearizable(long steps, int operations, int keys) implements CheckResult {
    }

    /**
     * No linearization exists for the operations on {@code key}.
     *
     * @param witness        a 1-minimal subset of that key's operations that is still not
     *                       linearizable: removing any one of them makes it linearizable
     * @param longestPrefix  the longest partial linearization the search found, in order
     */
    record NotLinearizable(long steps, String key, List<Operation> witness, List<Operation> longestPrefix)
            implements CheckResult {
    }

    /** The budget ran out before an answer was found. */
    record Unknown(long steps, String reason) implements CheckResult {
    }
}
