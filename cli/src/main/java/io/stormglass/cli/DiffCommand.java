package io.stormglass.cli;

import io.stormglass.report.diff.RunDiff;
import io.stormglass.report.export.Leaderships;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stormglass diff RUN_A RUN_B}: two runs side by side. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two run folders (two seeds, two settings, or a determinism check): headline figures",
            "side by side, leader changes matched or not, and the first event where their timelines diverge.",
            "Exit codes: 0 compared (whatever the differences), 2 a folder is not a run's folder."})
final class DiffCommand implements Callable<Integer> {
    /** Longest event line shown in full. */
    private static final int LINE_CHARS = 160;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "a run's output folder")
    Path a;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "another run's output folder")
    Path b;

    @Override
    public Integer call() throws IOException {
        RunFolders.require(a, "summary.json", "events.jsonl");
        RunFolders.require(b, "summary.json", "events.jsonl");
        RunDiff.Result r = RunDiff.compare(a, b);
        System.out.printf(Locale.ROOT, "%-26s %-22s %-22s%n", "", "A: " + a.getFileName(), "B: " + b.getFileName());
        for (RunDiff.Figure f : r.figures()) {
            System.out.printf(Locale.ROOT, "%-26s %-22s %-22s%s%n", f.name(), f.a(), f.b(), f.differs() ? "  ≠" : "");
        }
        System.out.printf(Locale.ROOT, "leaderships: %d matched (same member within %.0f s), %d only in A, %d only in B%n",
                r.matched().size(), 10.0, r.onlyA().size(), r.onlyB().size());
        for (Leaderships.Leadership[] m : r.matched()) {
            System.out.printf(Locale.ROOT, "  = n%s at %.3f s / %.3f s (Δ %+.3f s)%n", m[0].member().replace("n", ""),
                    m[0].timeSeconds(), m[1].timeSeconds(), m[1].timeSeconds() - m[0].timeSeconds());
        }
        r.onlyA().forEach(l -> System.out.printf(Locale.ROOT, "  A only: %s term %d at %.3f s%n", l.member(), l.term(), l.timeSeconds()));
        r.onlyB().forEach(l -> System.out.printf(Locale.ROOT, "  B only: %s term %d at %.3f s%n", l.member(), l.term(), l.timeSeconds()));
        if (r.divergence() == null) {
            System.out.println("events.jsonl: identical (" + r.eventsA() + " events)");
        } else {
            System.out.println("events.jsonl: first divergence at line " + r.divergence().line() + " (A " + r.eventsA()
                    + " events, B " + r.eventsB() + ")");
            System.out.println("  A: " + shorten(r.divergence().a()));
            System.out.println("  B: " + shorten(r.divergence().b()));
        }
        return ExitCodes.OK;
    }

    private static String shorten(String line) {
        if (line == null) {
            return "(no more events)";
        }
        return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS) + "…";
    }
}
