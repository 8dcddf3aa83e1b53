package io.stormglass.check.linearizability;

import io.stormglass.raft.client.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reduces a non-linearizable set of operations on one key to a small witness.
 *
 * <p>Proving that a large set is <em>not</em> linearizable takes an exhaustive search, so the
 * shrinker first localises: it takes the operation the search got stuck on (unlinearized at the
 * deepest point, earliest to complete), a time window around it that doubles until the set
 * fails, and, transitively, every operation that writes a value the window observes (a read of
 * a value must come with its write). Then delta debugging removes chunks, down to single
 * operations, while the set stays non-linearizable; observers orphaned by a removal go with it.
 * The result is 1-minimal in that sense. Sub-checks that run out of budget count as "not shown
 * to fail", so the witness is always a proven violation; shrinking stops when its budget is spent.
 */
final class WitnessShrinker {
    private static final long CHECK_STEPS = 2_000_000;
    private static final long TOTAL_STEPS = 50_000_000;

    private final List<Operation> all;
    private final List<Operation> longestPrefix;
    private long spent;

    WitnessShrinker(List<Operation> all, List<Operation> longestPrefix) {
        this.all = all;
        this.longestPrefix = longestPrefix;
    }

    List<Operation> shrink() {
        return minimise(localise());
    }

    /** A small failing subset around the point where the search got stuck, or everything. */
    private List<Operation> localise() {
        Set<Long> linearized = new HashSet<>();
        for (Operation op : longestPrefix) {
            linearized.add(op.id());
        }
        Operation stuck = null;
        for (Operation op : all) {
            if (!linearized.contains(op.id()) && (stuck == null || op.completeNanos() < stuck.completeNanos())) {
                stuck = op;
            }
        }
        if (stuck == null) {
            return all;
        }
        long end = stuck.completeNanos() == Long.MAX_VALUE ? stuck.invokeNanos() : stuck.completeNanos();
        long first = Long.MAX_VALUE;
        for (Operation op : all) {
            first = Math.min(first, op.invokeNanos());
        }
        for (long width = Math.max(1, end - stuck.invokeNanos()); ; width *= 2) {
            long from = end - width;
            List<Operation> window = new ArrayList<>();
            for (Operation op : all) {
                if (op.completeNanos() >= from && op.invokeNanos() <= end) {
                    window.add(op);
                }
            }
            List<Operation> candidate = withWritersOfObservedValues(window);
            if (candidate.size() < all.size() && fails(candidate)) {
                return candidate;
            }
            if (from <= first || spent > TOTAL_STEPS) {
                return all;
            }
        }
    }

    private List<Operation> minimise(List<Operation> failing) {
        List<Operation> current = failing;
        int chunk = Math.max(1, current.size() / 2);
        while (spent <= TOTAL_STEPS) {
            boolean removed = false;
            for (int start = 0; start < current.size() && spent <= TOTAL_STEPS; ) {
                List<Operation> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                candidate = withoutUnexplainedObservers(candidate);
                if (!candidate.isEmpty() && fails(candidate)) {
                    current = candidate;
                    removed = true;
                } else {
                    start += chunk;
                }
            }
            if (chunk == 1 && !removed) {
                break;
            }
            if (!removed) {
                chunk = Math.max(1, chunk / 2);
            }
        }
        return current;
    }

    private boolean fails(List<Operation> ops) {
        RegisterSearch s = new RegisterSearch(ops, Budget.steps(CHECK_STEPS), 0);
        boolean notLinearizable = s.run() == RegisterSearch.Verdict.NOT_LINEARIZABLE;
        spent += s.steps();
        return notLinearizable;
    }

    /** The window plus, transitively, every operation writing a value that a member observes. */
    private List<Operation> withWritersOfObservedValues(List<Operation> window) {
        Set<Operation> chosen = new LinkedHashSet<>(window);
        boolean grew = true;
        while (grew) {
            grew = false;
            Set<String> observed = new HashSet<>();
            for (Operation op : chosen) {
                String seen = observedValue(op);
                if (seen != null) {
                    observed.add(seen);
                }
            }
            for (Operation op : all) {
                if (writes(op) && observed.contains(op.value()) && chosen.add(op)) {
                    grew = true;
                }
            }
        }
        List<Operation> inOrder = new ArrayList<>();
        for (Operation op : all) {
            if (chosen.contains(op)) {
                inOrder.add(op);
            }
        }
        return inOrder;
    }

    /**
     * Drops, until nothing changes, every observer whose value no remaining operation writes:
     * without its write, such a read would fail for a reason that says nothing.
     */
    static List<Operation> withoutUnexplainedObservers(List<Operation> ops) {
        List<Operation> current = ops;
        while (true) {
            Set<String> written = new HashSet<>();
            for (Operation op : current) {
                if (writes(op)) {
                    written.add(op.value());
                }
            }
            List<Operation> kept = new ArrayList<>(current.size());
            for (Operation op : current) {
                String seen = observedValue(op);
                if (seen == null || written.contains(seen)) {
                    kept.add(op);
                }
            }
            if (kept.size() == current.size()) {
                return kept;
            }
            current = kept;
        }
    }

    private static boolean writes(Operation op) {
        return op.kind() == Operation.Kind.WRITE || op.kind() == Operation.Kind.CAS;
    }

    /** The value an operation saw: a read's result, or a successful CAS's expected value; null if none. */
    private static String observedValue(Operation op) {
        if (op.kind() == Operation.Kind.READ) {
            return op.value();
        }
        if (op.kind() == Operation.Kind.CAS && op.outcome() == Operation.Outcome.OK && op.casSucceeded()) {
            return op.expected();
        }
        return null;
    }
}
