package io.stormglass.report.capacity;

import java.util.List;

/**
 * A capacity study: several hardware profiles ramped under one workload and one SLO.
 *
 * @param name                the study's name (the capacity file's name)
 * @param description         what it compares
 * @param workload            the workload in words (mix, keys, value sizes)
 * @param slo                 each SLO clause in words
 * @param putP99SloMs         the SLO's put p99 bound in milliseconds (0: none), drawn on the charts
 * @param getP99SloMs         the SLO's linearizable get p99 bound in milliseconds (0: none)
 * @param currentLoadPerSecond today's load, for headroom and the growth projection (requests/s)
 * @param monthlyGrowth       expected load growth per month (0.1 = 10 %)
 * @param reproduceCommand    the command that produced the study
 * @param profiles            one outcome per profile, in the file's order
 */
public record CapacityStudy(String name, String description, String workload, List<String> slo,
        double putP99SloMs, double getP99SloMs,
        double currentLoadPerSecond, double monthlyGrowth, String reproduceCommand, List<ProfileOutcome> profiles) {
    public CapacityStudy {
        slo = List.copyOf(slo);
        profiles = List.copyOf(profiles);
    }
}
