package io.stormglass.cli;

import io.stormglass.run.ProgressListener;
import io.stormglass.scenario.units.Units;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on standard error for runs longer than a couple of seconds: simulated time
 * reached, speed as a multiple of real time, and the estimated time left. On a terminal it
 * redraws one line; otherwise (CI logs) it prints a line at every tenth of the run.
 */
final class ProgressBar implements ProgressListener {
    private static final double SHOW_AFTER_WALL_SECONDS = 2.0;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private boolean shown;
    private int lastTenth = -1;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void progress(long simulatedNanos, long totalNanos, double wallSeconds, long events) {
        if (wallSeconds < SHOW_AFTER_WALL_SECONDS && !shown) {
            return;
        }
        double fraction = totalNanos == 0 ? 1 : (double) simulatedNanos / totalNanos;
        int tenth = (int) Math.floor(fraction * 10);
        if (!terminal && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        shown = true;
        double speed = simulatedNanos / 1e9 / Math.max(1e-9, wallSeconds);
        double etaSeconds = fraction <= 0 ? 0 : wallSeconds * (1 - fraction) / fraction;
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %s / %s simulated, x%.0f real time, %.1fM events, ETA %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Units.formatDuration(roundSeconds(simulatedNanos)),
                Units.formatDuration(roundSeconds(totalNanos)), speed, events / 1e6, clock(etaSeconds));
        if (terminal) {
            out.print("\r" + line);
            if (simulatedNanos >= totalNanos) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static long roundSeconds(long nanos) {
        return Math.max(1_000_000_000L, nanos / 1_000_000_000L * 1_000_000_000L);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
