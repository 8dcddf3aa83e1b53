package io.stormglass.experiment.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fast subset of the Raft paper's Fig. 16 (§9.3) with small trial counts: three stated figures
 * must fall within the tolerances (150–150 never fails over within 5 s, 150–155's median,
 * 12–24's worst trial). The 12–24 mean is left to the full run: with 60 trials its spread is about
 * the tolerance's width.
 */
class RaftFig16ReferenceTest {
    private static final Path SCENARIO = Path.of("../scenarios/raft-paper-failover.yaml");
    private static final long S = 1_000_000_000L;

    private static RaftFig16Reference.Line line(int min, int max, int trials, long observeNanos) {
        RaftFig16Reference.Line l = RaftFig16Reference.LINES.stream().filter(x -> x.minMs() == min && x.maxMs() == max)
                .findFirst().orElseThrow();
        return new RaftFig16Reference.Line(min, max, l.trials(), trials, observeNanos, l.curveMedianMs(), l.curveP99Ms(), l.curveMaxMs());
    }

    @Test
    void statedFiguresOfThreeLinesAgreeWithSmallTrialCounts() throws Exception {
        List<RaftFig16Reference.Line> lines = List.of(line(150, 150, 3, 5 * S), line(150, 155, 60, 10 * S), line(12, 24, 60, 5 * S));
        List<String> heard = new java.util.ArrayList<>();
        List<CalibrationRow> rows = new RaftFig16Reference(SCENARIO, lines).run(new CalibrationBudget(false, 2), heard::add);
        assertEquals(3, heard.size(), "one progress line per timeout range");
        List<CalibrationRow> stated = rows.stream().filter(r -> r.source().startsWith("Raft paper")).toList();
        assertEquals(List.of("150–150 ms fastest failover", "150–155 ms median failover", "12–24 ms mean failover",
                "12–24 ms worst failover"), stated.stream().map(r -> r.experiment().substring(0, r.experiment().indexOf(',')) + " "
                + r.quantity()).toList());
        for (CalibrationRow r : stated) {
            assertEquals(RaftFig16Reference.ID, r.group());
            if (!r.quantity().equals("mean failover")) {
                assertTrue(r.withinTolerance(), r.toString());
            }
        }
        assertTrue(stated.get(0).simulated() > 5000, "150–150: no leader within 5 s of the crash: " + stated.get(0));
        assertTrue(rows.stream().allMatch(r -> r.unit().equals("ms")));
    }
}
