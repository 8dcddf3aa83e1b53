package io.stormglass.cli;

import io.stormglass.check.linearizability.Budget;

/**
 * A check budget in wall-clock time, for the command line. It lives here, outside the
 * simulation modules, because reading the wall clock is exactly what simulation code must not do.
 */
final class WallClockBudget implements Budget {
    private final long deadlineNanos;

    WallClockBudget(long budgetNanos) {
        this.deadlineNanos = System.nanoTime() + budgetNanos;
    }

    @Override
    public boolean exhausted(long stepsSoFar) {
        return System.nanoTime() - deadlineNanos > 0;
    }
}
