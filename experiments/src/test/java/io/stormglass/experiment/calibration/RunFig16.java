package io.stormglass.experiment.calibration;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs the Fig. 16 reference and prints its rows, until the {@code calibrate} command exists:
 * {@code java -cp "cli/target/lib/*:experiments/target/test-classes" io.stormglass.experiment.calibration.RunFig16
 * scenarios/raft-paper-failover.yaml full|quick|N JOBS [150-155 ...]} ({@code N}: that many trials per line).
 */
public final class RunFig16 {
    private RunFig16() {
    }

    public static void main(String[] args) throws Exception {
        java.util.List<RaftFig16Reference.Line> lines = RaftFig16Reference.LINES;
        if (args.length > 3) {
            java.util.Set<String> wanted = java.util.Set.of(java.util.Arrays.copyOfRange(args, 3, args.length));
            lines = lines.stream().filter(l -> wanted.contains(l.minMs() + "-" + l.maxMs())).toList();
        }
        int quick = args[1].matches("[0-9]+") ? Integer.parseInt(args[1]) : 0;
        if (quick > 0) {
            lines = lines.stream().map(l -> new RaftFig16Reference.Line(l.minMs(), l.maxMs(), l.trials(), Math.min(l.trials(), quick),
                    l.observeNanos(), l.curveMedianMs(), l.curveP99Ms(), l.curveMaxMs())).toList();
        }
        RaftFig16Reference ref = new RaftFig16Reference(Path.of(args[0]), lines);
        long start = System.nanoTime();
        var rows = ref.run(new CalibrationBudget(args[1].equals("full"), Integer.parseInt(args[2])), System.err::println);
        for (CalibrationRow r : rows) {
            System.out.printf(Locale.ROOT, "%-32s %-36s published %9.1f  simulated %9.1f  ratio %5.2f  %-8s %s%n", r.experiment(),
                    r.quantity(), r.published(), r.simulated(), r.ratio(), r.tolerance().text(), r.withinTolerance() ? "ok" : "MISS");
        }
        System.out.printf(Locale.ROOT, "wall %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
}
