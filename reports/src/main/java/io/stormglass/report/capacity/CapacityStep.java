package io.stormglass.report.capacity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One step of a load ramp: the offered load, what the cluster achieved, latency percentiles of
 * the measured period (after the warm-up), and the utilisation of each resource.
 *
 * @param offeredPerSecond  arrival rate the open-loop clients offered (requests/s)
 * @param achievedPerSecond successful requests per second over the measured period
 * @param putP50Ms          put latency, median, milliseconds (NaN if no put completed)
 * @param putP99Ms          put latency, 99th percentile
 * @param getP50Ms          linearizable get latency, median (NaN if none)
 * @param getP99Ms          linearizable get latency, 99th percentile
 * @param errorRatio        failed requests over all finished requests (0..1)
 * @param leaderChanges     leader changes after the first election
 * @param walFsyncP99Ms     leader's {@code etcd_disk_wal_fsync_duration_seconds} p99, milliseconds
 * @param utilisation       mean utilisation of each resource over the measured period (0..1); throttle and
 *                          neighbour as the share of the device's time they took
 * @param violations        what missed the SLO, in words (empty: the step meets it)
 */
public record CapacityStep(double offeredPerSecond, double achievedPerSecond, double putP50Ms, double putP99Ms,
        double getP50Ms, double getP99Ms, double errorRatio, long leaderChanges, double walFsyncP99Ms,
        Map<Resource, Double> utilisation, List<String> violations) implements java.io.Serializable {
    public CapacityStep {
        EnumMap<Resource, Double> copy = new EnumMap<>(Resource.class);
        copy.putAll(utilisation);
        utilisation = Collections.unmodifiableMap(copy);
        violations = List.copyOf(violations);
    }

    public boolean meetsSlo() {
        return violations.isEmpty();
    }

    /** Utilisation of {@code r} (0 if not measured). */
    public double utilisationOf(Resource r) {
        return utilisation.getOrDefault(r, 0.0);
    }
}
