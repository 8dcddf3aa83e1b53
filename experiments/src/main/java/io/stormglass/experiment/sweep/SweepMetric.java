package io.stormglass.experiment.sweep;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-point metrics a sweep can chart. Every run measures the cheap ones; {@link #FAILOVER}
 * adds failover trials (their own short runs) to every (point, seed).
 */
public enum SweepMetric {
    /** Leader changes per simulated hour whose previous leader had not crashed. */
    SPURIOUS_CHANGES("spurious_per_hour", "spurious leader changes per hour", "changes/h"),
    /** Failover time p50 and p99 over the trials (Raft paper §9.3). */
    FAILOVER("failover_p99_ms", "failover time p99", "ms"),
    /** Seconds per day without a leader known to a majority (the initial election excluded). */
    UNAVAILABILITY("unavailable_s_per_day", "unavailability per day", "s/day"),
    /** Failed client requests over all client requests. */
    CLIENT_ERRORS("error_rate", "client error rate", "fraction"),
    /** p99 latency of puts. */
    PUT_P99("put_p99_ms", "put p99 latency", "ms"),
    /** p99 latency of linearizable gets. */
    GET_P99("get_p99_ms", "linearizable get p99 latency", "ms");

    private final String column;
    private final String title;
    private final String unit;

    SweepMetric(String column, String title, String unit) {
        this.column = column;
        this.title = title;
        this.unit = unit;
    }

    /** The name in sweep files: {@code spurious-changes}, {@code failover}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The {@code sweep.csv} column charted for it. */
    public String column() {
        return column;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }

    /** Every metric by its sweep-file name. */
    public static Map<String, SweepMetric> byKey() {
        Map<String, SweepMetric> m = new TreeMap<>();
        for (SweepMetric s : values()) {
            m.put(s.key(), s);
        }
        return m;
    }
}
