package io.stormglass.experiment.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * The offered loads of a ramp: from {@code startPerSecond}, each step adds {@code stepPerSecond}
 * (linear) or multiplies by {@code factor} (geometric, for ranges spanning decades), up to
 * {@code maxPerSecond}. Each step is its own simulation: a fresh cluster, {@code warmupNanos}
 * for the first election, then open-loop load at the step's rate: {@code settleNanos} of it not
 * measured (the cluster's first writes, queues filling), then {@code stepNanos} measured.
 *
 * @param startPerSecond    first offered load (requests/s)
 * @param stepPerSecond     linear increment (0 when {@code factor} is used)
 * @param factor            geometric multiplier (&gt; 1; 0 when {@code stepPerSecond} is used)
 * @param maxPerSecond      upper bound (requests/s); the last step does not exceed it
 * @param stepNanos         measured load period of a step
 * @param warmupNanos       time before load starts in each step's simulation
 * @param settleNanos       load before the measured period starts
 * @param stopAfterFailures the ramp stops after this many consecutive steps miss the SLO
 */
public record Ramp(double startPerSecond, double stepPerSecond, double factor, double maxPerSecond, long stepNanos,
        long warmupNanos, long settleNanos, int stopAfterFailures) {
    /** Most steps a ramp may have. */
    public static final int MAX_STEPS = 200;

    public Ramp {
        if (!(startPerSecond > 0) || maxPerSecond < startPerSecond) {
            throw new IllegalArgumentException("start must be positive and at most max");
        }
        if ((stepPerSecond > 0) == (factor > 0)) {
            throw new IllegalArgumentException("give exactly one of step (a rate) and factor (a number > 1)");
        }
        if (factor > 0 && factor <= 1) {
            throw new IllegalArgumentException("factor must be larger than 1");
        }
        if (stepNanos <= 0 || warmupNanos < 0 || settleNanos < 0 || stopAfterFailures < 1) {
            throw new IllegalArgumentException("step-duration must be positive and stop-after-failures at least 1");
        }
        if (rates(startPerSecond, stepPerSecond, factor, maxPerSecond).size() > MAX_STEPS) {
            throw new IllegalArgumentException("more than " + MAX_STEPS + " steps from start to max; raise step or factor, or lower max");
        }
    }

    /** Simulated time of one step: warm-up, settle, measured period. */
    public long stepRunNanos() {
        return warmupNanos + settleNanos + stepNanos;
    }

    /** Offered load of every step, increasing. */
    public List<Double> rates() {
        return rates(startPerSecond, stepPerSecond, factor, maxPerSecond);
    }

    private static List<Double> rates(double start, double step, double factor, double max) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; out.size() <= MAX_STEPS; i++) {
            // computed from the index, not accumulated, so that rounding does not drift
            double r = factor > 0 ? start * StrictMath.pow(factor, i) : start + i * step;
            if (r > max * (1 + 1e-9)) {
                break;
            }
            out.add(Math.round(r * 100) / 100.0);
        }
        return out;
    }
}
