package io.stormglass.experiment.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * A sweep as read from its file.
 *
 * @param name                   names the sweep (default: the file name without {@code .yaml})
 * @param description            what the sweep shows
 * @param file                   the sweep file as the user named it
 * @param base                   the base scenario file
 * @param fixed                  settings applied to every point before the point's own
 * @param variedKeys             the keys that vary, in the file's order
 * @param points                 every point, in grid (or sampling) order
 * @param seeds                  seeds run at every point
 * @param metrics                the metrics to chart; {@link SweepMetric#FAILOVER} adds failover trials to every run
 * @param failoverTrials         failover trials per (point, seed)
 * @param spuriousBudgetPerHour  spurious leader changes per hour a recommended setting may have (0 by default)
 */
public record SweepSpec(String name, String description, String file, Path base, List<Setting> fixed,
        List<String> variedKeys, List<SweepPoint> points, List<Long> seeds, List<SweepMetric> metrics,
        int failoverTrials, double spuriousBudgetPerHour) {
    /** The varied key of the heartbeat interval (one heatmap axis). */
    public static final String HEARTBEAT_KEY = "cluster.heartbeat-interval";
    /** The varied key of the election timeout (the other heatmap axis). */
    public static final String ELECTION_KEY = "cluster.election-timeout";

    public SweepSpec {
        fixed = List.copyOf(fixed);
        variedKeys = List.copyOf(variedKeys);
        points = List.copyOf(points);
        seeds = List.copyOf(seeds);
        metrics = List.copyOf(metrics);
    }

    public boolean measuresFailover() {
        return metrics.contains(SweepMetric.FAILOVER);
    }

    /** Runs in the whole sweep: points × seeds. */
    public int runs() {
        return points.size() * seeds.size();
    }
}
