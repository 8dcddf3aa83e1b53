package io.stormglass.experiment.fuzz;

import io.stormglass.scenario.model.FaultSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Makes a failing fault schedule small: first removes faults (Zeller's delta debugging, ddmin:
 * halves, then quarters, ... then single faults), then shortens each remaining fault (halving its
 * duration) and moves it earlier onto round times. A candidate is kept only if it still fails;
 * every test is a full deterministic run, so the result fails for sure. The number of runs is
 * bounded; the schedule found by then is returned.
 */
public final class ScheduleShrinker {
    private final Predicate<List<FaultSpec>> fails;
    private final int maxRuns;
    private int runs;

    /**
     * @param fails   runs a schedule and says whether it still fails in the way being shrunk
     * @param maxRuns most runs to spend
     */
    public ScheduleShrinker(Predicate<List<FaultSpec>> fails, int maxRuns) {
        this.fails = fails;
        this.maxRuns = maxRuns;
    }

    /** Runs spent so far. */
    public int runs() {
        return runs;
    }

    /** A schedule no larger than {@code failing} that still fails. */
    public List<FaultSpec> shrink(List<FaultSpec> failing) {
        List<FaultSpec> current = removeFaults(new ArrayList<>(failing));
        current = simplifyEach(current);
        return current;
    }

    /** ddmin over the faults: try removing each of n chunks; on success go on with n-1 chunks, else with 2n. */
    private List<FaultSpec> removeFaults(List<FaultSpec> current) {
        int chunks = 2;
        while (!current.isEmpty() && runs < maxRuns) {
            int chunk = (current.size() + chunks - 1) / chunks;
            boolean removed = false;
            for (int start = 0; start < current.size() && runs < maxRuns; start += chunk) {
                List<FaultSpec> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (test(candidate)) {
                    current = candidate;
                    chunks = Math.max(chunks - 1, 2);
                    removed = true;
                    break;
                }
            }
            if (!removed) {
                if (chunks >= current.size()) {
                    break;
                }
                chunks = Math.min(current.size(), chunks * 2);
            }
        }
        return current;
    }

    private List<FaultSpec> simplifyEach(List<FaultSpec> current) {
        for (int i = 0; i < current.size() && runs < maxRuns; i++) {
            FaultSpec.Timing t = current.get(i).timing();
            // shorter: halve the duration while it still fails
            long forNanos = t.forNanos();
            while (forNanos > 1_000_000L && runs < maxRuns) {
                long shorter = Math.max(1_000_000L, (forNanos / 2) / 1_000_000L * 1_000_000L);
                List<FaultSpec> candidate = with(current, i, new FaultSpec.Timing(t.atNanos(), shorter, t.everyNanos(), t.untilNanos()));
                if (!test(candidate)) {
                    break;
                }
                current = candidate;
                forNanos = shorter;
            }
            // rounder: a start on a whole 100 ms reads better and is as likely to still fail
            FaultSpec.Timing now = current.get(i).timing();
            long rounded = now.atNanos() / 100_000_000L * 100_000_000L;
            if (rounded != now.atNanos() && runs < maxRuns) {
                List<FaultSpec> candidate = with(current, i, new FaultSpec.Timing(rounded, now.forNanos(), now.everyNanos(), now.untilNanos()));
                if (test(candidate)) {
                    current = candidate;
                }
            }
        }
        return current;
    }

    private boolean test(List<FaultSpec> candidate) {
        runs++;
        return fails.test(candidate);
    }

    private static List<FaultSpec> with(List<FaultSpec> faults, int index, FaultSpec.Timing timing) {
        List<FaultSpec> out = new ArrayList<>(faults);
        out.set(index, faults.get(index).withTiming(timing));
        return out;
    }
}
