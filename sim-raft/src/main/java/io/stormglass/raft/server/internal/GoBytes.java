package io.stormglass.raft.server.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats a byte count as go-humanize's {@code humanize.Bytes} does in etcd's log lines ({@code "133 MB"},
 * {@code "2.1 GB"}, {@code "9 B"}): SI units of 1000, one decimal below 10 of a unit, none above.
 */
final class GoBytes {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private GoBytes() {
    }

    static String format(long bytes) {
        if (bytes < 10) {
            return bytes + " B";
        }
        int e = 0;
        double scale = 1;
        while (e + 1 < UNITS.length && bytes >= scale * 1000) {
            scale *= 1000;
            e++;
        }
        double value = Math.floor(bytes / scale * 10 + 0.5) / 10;
        // Go's %.0f rounds an exact half to even (132.5 prints 132), Java's %.0f away from zero
        BigDecimal shown = new BigDecimal(value).setScale(value < 10 ? 1 : 0, RoundingMode.HALF_EVEN);
        return shown.toPlainString() + " " + UNITS[e];
    }
}
