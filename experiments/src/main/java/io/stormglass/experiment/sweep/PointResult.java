package io.stormglass.experiment.sweep;

import io.stormglass.experiment.failover.FailoverDistribution;
import io.stormglass.report.csv.CsvNumbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One point's figures over its seeds (which run equally long). Spurious changes and unavailability
 * are means over the seeds, the error rate pools them (total errors over total requests); latency p99s and the fsync stall take the worst seed; failover
 * percentiles are over every trial of every seed.
 *
 * @param pointId             the point's id
 * @param heartbeatMs         heartbeat interval (NaN if unknown)
 * @param electionMs          election timeout (NaN if unknown)
 * @param status              OK if every seed ran, INVALID if etcd refuses the point, ERROR if any seed failed
 * @param seedsOk             seeds measured
 * @param spuriousPerHour     spurious leader changes per hour
 * @param unavailableSPerDay  unavailability per day (mean over seeds)
 * @param errorRate           failed client requests over all
 * @param putP99Ms            put p99, worst seed
 * @param getP99Ms            linearizable get p99, worst seed
 * @param walFsyncMaxMs       longest WAL fdatasync, worst seed
 * @param rttMs               slowest pair's round trip, worst seed
 * @param failover            failover times of every trial (empty if not measured)
 * @param error               the first error or refusal, if any
 */
public record PointResult(String pointId, double heartbeatMs, double electionMs, RunStatus status, int seedsOk,
        double spuriousPerHour, double unavailableSPerDay, double errorRate, double putP99Ms, double getP99Ms,
        double walFsyncMaxMs, double rttMs, FailoverDistribution failover, String error) {

    public double failoverP50Ms() {
        return failover.percentileMs(50);
    }

    public double failoverP99Ms() {
        return failover.percentileMs(99);
    }

    /** The value charted for {@code metric}. */
    public double value(SweepMetric metric) {
        return switch (metric) {
            case SPURIOUS_CHANGES -> spuriousPerHour;
            case FAILOVER -> failoverP99Ms();
            case UNAVAILABILITY -> unavailableSPerDay;
            case CLIENT_ERRORS -> errorRate;
            case PUT_P99 -> putP99Ms;
            case GET_P99 -> getP99Ms;
        };
    }

    /** A short label such as {@code 100ms/1s}, or the point id when it does not vary both timeouts. */
    public String label() {
        if (!Double.isNaN(heartbeatMs) && !Double.isNaN(electionMs)) {
            return ms(heartbeatMs) + "/" + ms(electionMs);
        }
        return pointId;
    }

    static String ms(double v) {
        return v >= 1000 && v % 1000 == 0 ? (long) (v / 1000) + "s" : CsvNumbers.decimals(v, 3) + "ms";
    }

    /** Aggregates the rows of each point of {@code sweep}, in point order (rows sorted as {@link SweepRunner#sorted}). */
    public static List<PointResult> of(SweepSpec sweep, List<RunRow> rows) {
        List<PointResult> out = new ArrayList<>();
        for (SweepPoint p : sweep.points()) {
            List<RunRow> mine = rows.stream().filter(r -> r.pointId().equals(p.id())).toList();
            if (!mine.isEmpty()) {
                out.add(aggregate(p.id(), mine));
            }
        }
        return out;
    }

    static PointResult aggregate(String id, List<RunRow> rows) {
        RunRow first = rows.get(0);
        RunStatus status = rows.stream().anyMatch(r -> r.status() == RunStatus.INVALID) ? RunStatus.INVALID
                : rows.stream().anyMatch(r -> r.status() == RunStatus.ERROR) ? RunStatus.ERROR : RunStatus.OK;
        String error = rows.stream().map(RunRow::error).filter(e -> !e.isEmpty()).findFirst().orElse("");
        List<Measurements> ok = rows.stream().map(RunRow::measured).filter(m -> m != null).toList();
        if (ok.isEmpty()) {
            return new PointResult(id, first.heartbeatMs(), first.electionMs(), status, 0, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new FailoverDistribution(new long[0]), error);
        }
        double spurious = 0;
        double unavailable = 0;
        long requests = 0;
        long errors = 0;
        double put = 0;
        double get = 0;
        double fsync = 0;
        double rtt = 0;
        List<Long> samples = new ArrayList<>();
        for (Measurements m : ok) {
            spurious += m.spuriousPerHour();
            unavailable += m.unavailableSecondsPerDay();
            requests += m.requests();
            errors += m.errors();
            put = Math.max(put, m.putP99Ms());
            get = Math.max(get, m.getP99Ms());
            fsync = Math.max(fsync, m.walFsyncMaxMs());
            rtt = Math.max(rtt, m.rttMs());
            Arrays.stream(m.failoverMs()).forEach(v -> samples.add(Double.isInfinite(v) ? Long.MAX_VALUE : Math.round(v * 1e6)));
        }
        return new PointResult(id, first.heartbeatMs(), first.electionMs(), status, ok.size(), spurious / ok.size(),
                unavailable / ok.size(), requests == 0 ? 0 : (double) errors / requests, put, get, fsync, rtt,
                new FailoverDistribution(samples.stream().mapToLong(Long::longValue).toArray()), error);
    }
}
