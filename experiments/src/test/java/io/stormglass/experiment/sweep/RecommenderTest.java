package io.stormglass.experiment.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.experiment.failover.FailoverDistribution;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
    /** A point with failover trials spread evenly from {@code failoverMs} to 1.2 × it. */
    static PointResult point(double hbMs, double etMs, double spuriousPerHour, double failoverMs, double fsyncMaxMs) {
        long[] samples = new long[100];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Math.round((failoverMs + failoverMs * 0.2 * i / 99) * 1e6);
        }
        return new PointResult("hb=" + hbMs + ",et=" + etMs, hbMs, etMs, RunStatus.OK, 3, spuriousPerHour, 0, 0, 5, 2,
                fsyncMaxMs, 0.3, new FailoverDistribution(samples), "");
    }

    @Test
    void fastestFailoverWithoutSpuriousChangesWins() {
        List<PointResult> pts = List.of(
                point(100, 1000, 1.5, 1100, 2140),
                point(100, 2000, 0.5, 2100, 2140),
                point(100, 3000, 0, 3100, 2140),
                point(200, 3000, 0, 3300, 2140),
                point(100, 5000, 0, 5100, 2140));
        Recommendation r = Recommender.recommend(pts, 0);
        assertEquals(pts.get(2), r.chosen());
        assertEquals(pts.get(1), r.rejected(), "the faster setting closest to the budget");
        assertEquals(2140, r.worstFsyncMs());
        assertTrue(r.text().contains("heartbeat-interval 100ms, election-timeout 3s"), r.text());
        assertTrue(r.text().contains("failover p50 3407 ms / p99 3714 ms over 100 trials"), r.text());
        assertTrue(r.text().contains("above 860 ms (1.40×) the worst WAL fdatasync stall"), r.text());
        assertTrue(r.text().contains("The faster 100ms/2s had 0.50 spurious changes per hour (failover p50 2308 ms / p99 2516 ms)"), r.text());
    }

    @Test
    void aTimeoutBelowTheWorstStallLosesToOneThatRidesItOut() {
        List<PointResult> pts = List.of(point(100, 2000, 0, 2100, 2140), point(100, 3000, 0, 3100, 2140));
        Recommendation r = Recommender.recommend(pts, 0);
        assertEquals(pts.get(1), r.chosen());
        assertEquals(pts.get(0), r.rejected());
        assertTrue(r.text().contains("The faster 100ms/2s had 0.00 spurious changes per hour (failover p50 2308 ms / p99 2516 ms) "
                + "but its election timeout is shorter than the worst stall"), r.text());
        // with nothing longer than the stall, the fastest within budget is still recommended, its margin shown negative
        Recommendation only = Recommender.recommend(List.of(pts.get(0)), 0);
        assertEquals(pts.get(0), only.chosen());
        assertTrue(only.text().contains("BELOW 140 ms (0.93×) the worst WAL fdatasync stall"), only.text());
    }

    @Test
    void aBudgetAdmitsSomeSpuriousChanges() {
        List<PointResult> pts = List.of(point(100, 1000, 1.5, 1100, 900), point(100, 2000, 0.5, 2100, 900),
                point(100, 3000, 0, 3100, 900));
        Recommendation r = Recommender.recommend(pts, 0.5);
        assertEquals(pts.get(1), r.chosen());
        assertEquals(pts.get(0), r.rejected());
    }

    @Test
    void refusedAndFailedPointsAreNeverChosen() {
        PointResult invalid = new PointResult("x", 300, 1000, RunStatus.INVALID, 0, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, new FailoverDistribution(new long[0]), "must be ...");
        PointResult ok = point(100, 3000, 0, 3100, 900);
        assertEquals(ok, Recommender.recommend(List.of(invalid, ok), 0).chosen());
    }

    @Test
    void nothingWithinBudgetSaysSoWithTheBestThereWas() {
        List<PointResult> pts = List.of(point(100, 1000, 4, 1100, 2140), point(100, 2000, 1.25, 2100, 2140));
        Recommendation r = Recommender.recommend(pts, 0);
        assertNull(r.chosen());
        assertEquals(pts.get(1), r.rejected());
        assertTrue(r.text().contains("the fewest were 1.25/h at 100ms/2s"), r.text());
        assertTrue(r.checks().isEmpty());
    }

    @Test
    void withoutFailoverTrialsTheShortestElectionTimeoutStandsIn() {
        FailoverDistribution none = new FailoverDistribution(new long[0]);
        PointResult a = new PointResult("a", 100, 2000, RunStatus.OK, 1, 0, 0, 0, 1, 1, 10, 0.3, none, "");
        PointResult b = new PointResult("b", 100, 1000, RunStatus.OK, 1, 0, 0, 0, 1, 1, 10, 0.3, none, "");
        assertEquals(b, Recommender.recommend(List.of(a, b), 0).chosen());
    }

    @Test
    void etcdRulesAreCheckedWithTheirNumbers() {
        // cross-region: RTT 150 ms with etcd's defaults (100 ms / 1 s) breaks the 10 × RTT rule
        PointResult p = new PointResult("p", 100, 1000, RunStatus.OK, 1, 0, 0, 0, 1, 1, 10, 150,
                new FailoverDistribution(new long[0]), "");
        List<RuleCheck> c = Recommender.checks(p);
        assertEquals(List.of("ok", "ok", "WARN", "ok", "ok"), c.stream().map(RuleCheck::verdict).toList(), c.toString());
        assertEquals("1s vs 10 × 150.000 ms = 1500.0 ms", c.get(2).detail());
        PointResult fine = new PointResult("p", 150, 2000, RunStatus.OK, 1, 0, 0, 0, 1, 1, 10, 150,
                new FailoverDistribution(new long[0]), "");
        assertEquals(List.of("ok", "ok", "ok", "ok", "ok"), Recommender.checks(fine).stream().map(RuleCheck::verdict).toList());
        PointResult tight = new PointResult("p", 300, 1000, RunStatus.OK, 1, 0, 0, 0, 1, 1, 10, 150,
                new FailoverDistribution(new long[0]), "");
        List<RuleCheck> t = Recommender.checks(tight);
        assertEquals(List.of("WARN", "WARN", "WARN", "WARN", "ok"), t.stream().map(RuleCheck::verdict).toList(), t.toString());
        assertTrue(t.get(1).detail().contains("= 2.0 × the slowest pair's RTT 150.000 ms"), t.get(1).detail());
        PointResult noRtt = new PointResult("p", 100, 60_000, RunStatus.OK, 1, 0, 0, 0, 1, 1, 10, 0,
                new FailoverDistribution(new long[0]), "");
        List<String> v = Recommender.checks(noRtt).stream().map(RuleCheck::verdict).toList();
        assertEquals(List.of("ok", "n/a", "n/a", "n/a", "WARN"), v);
    }

    @Test
    void failoverPercentilesAreNearestRankAndUnresolvedTrialsCountAsInfinite() {
        FailoverDistribution d = new FailoverDistribution(new long[] {300_000_000L, 100_000_000L, 200_000_000L, Long.MAX_VALUE});
        assertEquals(200.0, d.percentileMs(50));
        assertEquals(300.0, d.percentileMs(75));
        assertEquals(Double.POSITIVE_INFINITY, d.percentileMs(99));
        assertEquals(1, d.unresolved());
        assertEquals("[100.0, 200.0, 300.0]", Arrays.toString(d.resolvedMs()));
    }
}
