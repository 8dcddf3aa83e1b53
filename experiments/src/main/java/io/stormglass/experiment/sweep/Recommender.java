package io.stormglass.experiment.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Picks the setting that minimises failover time subject to at most {@code budget} spurious leader
 * changes per hour, and checks it against etcd's tuning guide. Failover time is the median over the
 * failover trials (then the p99; the median is the steadier figure with tens of trials); without
 * failover trials the election timeout stands in for it, since a follower waits at least one
 * election timeout before it campaigns. Ties go to the shorter election timeout, then the shorter
 * heartbeat.
 *
 * <p>A setting whose election timeout is shorter than the worst WAL fdatasync stall seen in the
 * sweep is only chosen if no setting within budget is longer: etcd draws each follower's timeout
 * from [election-timeout, 2 × election-timeout), so such a setting survives a stall only by the
 * luck of the draw, and a few stalls without a leader change prove little.
 */
public final class Recommender {
    /** etcd's upper bound on the election timeout ({@code maxElectionMs}). */
    static final double MAX_ELECTION_MS = 50_000;

    private Recommender() {
    }

    public static Recommendation recommend(List<PointResult> points, double budgetPerHour) {
        List<PointResult> ok = points.stream().filter(p -> p.status() == RunStatus.OK && !Double.isNaN(p.spuriousPerHour()))
                .toList();
        boolean failover = ok.stream().anyMatch(p -> p.failover().trials() > 0);
        Comparator<PointResult> faster = failover
                ? Comparator.comparingDouble(PointResult::failoverP50Ms).thenComparingDouble(PointResult::failoverP99Ms)
                : Comparator.comparingDouble(PointResult::electionMs);
        faster = faster.thenComparingDouble(PointResult::electionMs).thenComparingDouble(PointResult::heartbeatMs);
        double worstFsync = ok.stream().mapToDouble(PointResult::walFsyncMaxMs).max().orElse(Double.NaN);
        List<PointResult> within = ok.stream().filter(p -> p.spuriousPerHour() <= budgetPerHour).sorted(faster).toList();
        if (within.isEmpty()) {
            PointResult least = ok.stream().min(Comparator.comparingDouble(PointResult::spuriousPerHour)).orElse(null);
            String text = least == null ? "No setting ran successfully; nothing to recommend."
                    : String.format(Locale.ROOT, "No setting stayed within %s spurious leader changes per hour; the fewest "
                            + "were %.2f/h at %s. Widen the swept election timeouts or raise the budget.",
                            SweepCsv.num(budgetPerHour), least.spuriousPerHour(), least.label());
            return new Recommendation(null, least, budgetPerHour, worstFsync, List.of(), text);
        }
        List<PointResult> ridesOut = within.stream().filter(p -> !(p.electionMs() < worstFsync)).toList();
        PointResult chosen = ridesOut.isEmpty() ? within.get(0) : ridesOut.get(0);
        Comparator<PointResult> cmp = faster;
        // the faster setting that came closest to being chosen: fewest spurious changes, then fastest
        PointResult rejected = ok.stream().filter(p -> cmp.compare(p, chosen) < 0)
                .min(Comparator.comparingDouble(PointResult::spuriousPerHour).thenComparing(cmp))
                .orElse(null);
        List<RuleCheck> checks = checks(chosen);
        return new Recommendation(chosen, rejected, budgetPerHour, worstFsync, checks, text(chosen, rejected, budgetPerHour,
                worstFsync, failover, checks));
    }

    /** etcd's tuning guide (docs "Tuning": time parameters) applied to one setting. */
    static List<RuleCheck> checks(PointResult p) {
        double hb = p.heartbeatMs();
        double et = p.electionMs();
        double rtt = p.rttMs();
        List<RuleCheck> out = new ArrayList<>();
        out.add(new RuleCheck("election-timeout ≥ 5 × heartbeat-interval", et >= 5 * hb,
                f("%s ≥ %s", PointResult.ms(et), PointResult.ms(5 * hb))));
        boolean rttKnown = rtt > 0 && !Double.isNaN(rtt);
        out.add(new RuleCheck("heartbeat-interval ≈ 0.5–1.5 × RTT", rttKnown ? hb >= 0.5 * rtt && hb <= 1.5 * rtt : null,
                rttKnown ? f("heartbeat %s = %.1f × the slowest pair's RTT %.3f ms%s", PointResult.ms(hb), hb / rtt, rtt,
                        hb > 1.5 * rtt ? " (longer than needed: a dead leader is noticed later, nothing worse)" : "")
                        : "RTT not measured"));
        out.add(new RuleCheck("election-timeout ≥ 10 × RTT", rttKnown ? et >= 10 * rtt : null,
                rttKnown ? f("%s vs 10 × %.3f ms = %.1f ms", PointResult.ms(et), rtt, 10 * rtt) : "RTT not measured"));
        out.add(new RuleCheck("election-timeout ≥ 5 × heartbeat-interval + max RTT (seed 000)",
                rttKnown ? et >= 5 * hb + rtt : null,
                rttKnown ? f("%s vs %.1f ms", PointResult.ms(et), 5 * hb + rtt) : "RTT not measured"));
        out.add(new RuleCheck("election-timeout ≤ 50 s", et <= MAX_ELECTION_MS, PointResult.ms(et)));
        return out;
    }

    private static String text(PointResult c, PointResult rejected, double budget, double worstFsync, boolean failover,
            List<RuleCheck> checks) {
        StringBuilder b = new StringBuilder();
        b.append(f("Recommended: heartbeat-interval %s, election-timeout %s", PointResult.ms(c.heartbeatMs()),
                PointResult.ms(c.electionMs())));
        b.append(f(" — %.2f spurious leader changes per hour (budget %s)", c.spuriousPerHour(), SweepCsv.num(budget)));
        if (failover) {
            b.append(f(", failover p50 %.0f ms / p99 %.0f ms over %d trials", c.failoverP50Ms(), c.failoverP99Ms(),
                    c.failover().trials()));
        }
        b.append('.');
        if (!Double.isNaN(worstFsync) && worstFsync > 0) {
            double margin = c.electionMs() - worstFsync;
            b.append(f(" Margin: the election timeout is %s %.0f ms (%.2f×) the worst WAL fdatasync stall seen in the sweep "
                    + "(%.0f ms).", margin >= 0 ? "above" : "BELOW", Math.abs(margin), c.electionMs() / worstFsync, worstFsync));
        }
        if (rejected != null) {
            b.append(f(" The faster %s had %.2f spurious changes per hour", rejected.label(), rejected.spuriousPerHour()));
            if (failover) {
                b.append(f(" (failover p50 %.0f ms / p99 %.0f ms)", rejected.failoverP50Ms(), rejected.failoverP99Ms()));
            }
            if (rejected.spuriousPerHour() <= budget && rejected.electionMs() < worstFsync) {
                b.append(" but its election timeout is shorter than the worst stall, so it rides stalls out only by luck");
            }
            b.append('.');
        }
        long warnings = checks.stream().filter(r -> Boolean.FALSE.equals(r.passed())).count();
        b.append(warnings == 0 ? " etcd's tuning rules: all met." : f(" etcd's tuning rules: %d not met (see the table).", warnings));
        return b.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
