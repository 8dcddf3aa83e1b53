package io.stormglass.check.linearizability;

import io.stormglass.raft.client.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks a key-value history for linearizability against a register-per-key model.
 *
 * <p>Linearizability is compositional (Herlihy &amp; Wing's locality, "P-compositionality"): the
 * history is linearizable iff the sub-history of every key is, so each key is searched on its
 * own, which keeps the search small. Operations that certainly failed are dropped (they had no
 * effect); reads with unknown outcome are dropped too (they observed nothing we know).
 *
 * <p>When a key is not linearizable, {@link WitnessShrinker} reduces the key's operations to a small
 * failing subset a person can read.
 */
public final class LinearizabilityChecker {
    private final Budget budget;

    public LinearizabilityChecker(Budget budget) {
        this.budget = budget;
    }

    public CheckResult check(List<Operation> history) {
        Map<String, List<Operation>> byKey = new TreeMap<>();
        int kept = 0;
        for (Operation op : history) {
            if (op.outcome() == Operation.Outcome.FAILED) {
                continue;
            }
            if (op.outcome() == Operation.Outcome.UNKNOWN && op.kind() == Operation.Kind.READ) {
                continue;
            }
            byKey.computeIfAbsent(op.key(), k -> new ArrayList<>()).add(op);
            kept++;
        }
        long steps = 0;
        for (Map.Entry<String, List<Operation>> e : byKey.entrySet()) {
            RegisterSearch search = new RegisterSearch(e.getValue(), budget, steps);
            RegisterSearch.Verdict verdict = search.run();
            steps = search.steps();
            if (verdict == RegisterSearch.Verdict.UNKNOWN) {
                return new CheckResult.Unknown(steps, "budget exhausted while checking key \"" + e.getKey() + "\"");
            }
            if (verdict == RegisterSearch.Verdict.NOT_LINEARIZABLE) {
                List<Operation> witness = new WitnessShrinker(e.getValue(), search.longestPrefix()).shrink();
                return new CheckResult.NotLinearizable(steps, e.getKey(), witness, search.longestPrefix());
            }
        }
        return new CheckResult.Linearizable(steps, kept, byKey.size());
    }
}
