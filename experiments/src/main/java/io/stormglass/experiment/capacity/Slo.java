package io.stormglass.experiment.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service-level objective a step must meet. A latency bound of 0 is not checked.
 *
 * @param putP99Nanos       put latency p99 bound
 * @param getP99Nanos       linearizable get latency p99 bound
 * @param maxLeaderChanges  leader changes allowed during a step (after the first election)
 * @param maxErrorRatio     failed requests allowed, as a fraction of finished requests
 * @param minAchievedRatio  successful throughput must be at least this fraction of the offered load (an
 *                          open-loop system that falls behind is saturated, whatever its latency says)
 */
public record Slo(long putP99Nanos, long getP99Nanos, long maxLeaderChanges, double maxErrorRatio,
        double minAchievedRatio) {
    public Slo {
        if (putP99Nanos < 0 || getP99Nanos < 0 || maxLeaderChanges < 0 || maxErrorRatio < 0 || maxErrorRatio > 1
                || minAchievedRatio < 0 || minAchievedRatio > 1) {
            throw new IllegalArgumentException("slo: bounds must not be negative; ratios within 0..1");
        }
    }

    /** The SLO's clauses in words. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        if (putP99Nanos > 0) {
            out.add("put p99 ≤ " + ms(putP99Nanos / 1e6));
        }
        if (getP99Nanos > 0) {
            out.add("linearizable get p99 ≤ " + ms(getP99Nanos / 1e6));
        }
        out.add(maxLeaderChanges == 0 ? "no leader change" : "at most " + maxLeaderChanges + " leader changes");
        out.add(String.format(Locale.ROOT, "errors ≤ %.2f %%", maxErrorRatio * 100));
        out.add(String.format(Locale.ROOT, "achieved ≥ %.0f %% of offered load (less 3 Poisson standard deviations)", minAchievedRatio * 100));
        return out;
    }

    /**
     * What a step with these measurements misses, in words; empty if it meets the SLO. Arrivals
     * are Poisson, so over {@code loadSeconds} the number offered varies by about its square root:
     * achieved throughput counts as falling behind only when it is more than three such standard
     * deviations below {@code minAchievedRatio} of the offered load.
     */
    public List<String> violations(double offered, double loadSeconds, double achieved, double putP99Ms, double getP99Ms,
            double errorRatio, long leaderChanges) {
        List<String> out = new ArrayList<>();
        if (putP99Nanos > 0 && putP99Ms > putP99Nanos / 1e6) {
            out.add("put p99 " + ms(putP99Ms) + " > " + ms(putP99Nanos / 1e6));
        }
        if (getP99Nanos > 0 && getP99Ms > getP99Nanos / 1e6) {
            out.add("get p99 " + ms(getP99Ms) + " > " + ms(getP99Nanos / 1e6));
        }
        if (leaderChanges > maxLeaderChanges) {
            out.add(leaderChanges + " leader change" + (leaderChanges == 1 ? "" : "s"));
        }
        if (errorRatio > maxErrorRatio) {
            out.add(String.format(Locale.ROOT, "errors %.2f %%", errorRatio * 100));
        }
        double expected = offered * loadSeconds;
        if (achieved * loadSeconds < minAchievedRatio * expected - 3 * Math.sqrt(expected)) {
            out.add(String.format(Locale.ROOT, "achieved %.0f/s of %.0f/s offered", achieved, offered));
        }
        return out;
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
