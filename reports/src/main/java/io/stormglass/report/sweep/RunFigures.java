package io.stormglass.report.sweep;

import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.report.RunRecord;
import io.stormglass.report.internal.analysis.LatencyStats;
import io.stormglass.report.internal.analysis.LeaderChange;
import io.stormglass.report.internal.analysis.RunSummary;

/**
 * The figures a sweep compares between runs, computed from the run's recording with the same
 * analysis as the run report (so a sweep and a report never disagree). Times in nanoseconds.
 *
 * @param leaderships          leaders elected over the run, the first included
 * @param changesWithoutCrash  leader changes whose previous leader had not crashed (spurious when no fault is injected)
 * @param changesAfterCrash    leader changes that followed a crash of the previous leader
 * @param unavailableNanos     time with no leader known to a majority, the initial election included
 * @param initialElectionNanos the part of {@code unavailableNanos} before the first leader
 * @param requests             client requests
 * @param errors               client requests that failed
 * @param putP99Nanos          p99 latency of {@code put} (0 without any)
 * @param getP99Nanos          p99 latency of linearizable {@code get} (0 without any)
 * @param walFsyncMaxNanos     the longest WAL fdatasync of any member
 * @param slowestPairRttNanos  round-trip time of the slowest pair of members: the median of
 *                             {@code net_delivery_seconds} one way plus the median the other way (0 if not recorded)
 */
public record RunFigures(int leaderships, int changesWithoutCrash, int changesAfterCrash, long unavailableNanos,
        long initialElectionNanos, long requests, long errors, long putP99Nanos, long getP99Nanos,
        long walFsyncMaxNanos, long slowestPairRttNanos) {

    public static RunFigures of(RunRecord run) {
        RunSummary s = RunSummary.of(run);
        int withoutCrash = 0;
        int afterCrash = 0;
        for (LeaderChange c : s.changes()) {
            if (c.previousCrashed()) {
                afterCrash++;
            } else {
                withoutCrash++;
            }
        }
        long requests = 0;
        long errors = 0;
        for (Counter c : run.recorder().counters().values()) {
            if (Metric.CLIENT_REQUESTS.is(c.id())) {
                requests += c.total();
            } else if (Metric.CLIENT_ERRORS.is(c.id())) {
                errors += c.total();
            }
        }
        long rtt = slowestPairRtt(run);
        long fsyncMax = s.fsync().values().stream().mapToLong(LatencyStats::maxNanos).max().orElse(0);
        return new RunFigures(s.leaderships(), withoutCrash, afterCrash, s.availability().unavailableNanos(),
                s.availability().initialNanos(), requests, errors, p99(s, "put"), p99(s, "get_linearizable"), fsyncMax, rtt);
    }

    private static long slowestPairRtt(RunRecord run) {
        java.util.Map<String, Long> oneWay = new java.util.TreeMap<>();
        for (LatencyRecorder l : run.recorder().latencies().values()) {
            if (Metric.NET_DELIVERY.is(l.id()) && l.count() > 0) {
                oneWay.put(l.id().label("from") + ">" + l.id().label("to"), l.percentileNanos(50));
            }
        }
        long worst = 0;
        for (int a : run.memberIds()) {
            for (int b : run.memberIds()) {
                Long there = oneWay.get(RunRecord.member(a) + ">" + RunRecord.member(b));
                Long back = oneWay.get(RunRecord.member(b) + ">" + RunRecord.member(a));
                if (a < b && there != null && back != null) {
                    worst = Math.max(worst, there + back);
                }
            }
        }
        return worst;
    }

    private static long p99(RunSummary s, String op) {
        LatencyStats st = s.requests().get(op);
        return st == null || st.count() == 0 ? 0 : st.p99Nanos();
    }
}
