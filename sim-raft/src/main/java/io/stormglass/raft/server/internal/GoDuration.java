package io.stormglass.raft.server.internal;

/** Formats nanoseconds as Go's {@code time.Duration.String()} does ({@code 2.14025047s}, {@code 100ms}, {@code 1.5µs}). */
public final class GoDuration {
    private GoDuration() {
    }

    public static String format(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        String sign = nanos < 0 ? "-" : "";
        long n = Math.abs(nanos);
        if (n < 1_000) {
            return sign + n + "ns";
        }
        if (n < 1_000_000) {
            return sign + fraction(n, 1_000) + "µs";
        }
        if (n < 1_000_000_000) {
            return sign + fraction(n, 1_000_000) + "ms";
        }
        StringBuilder out = new StringBuilder(sign);
        long hours = n / 3_600_000_000_000L;
        long rest = n % 3_600_000_000_000L;
        long minutes = rest / 60_000_000_000L;
        rest %= 60_000_000_000L;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(fraction(rest, 1_000_000_000)).append('s').toString();
    }

    /** {@code value / unit} with the fraction's trailing zeros dropped. */
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long frac = value % unit;
        if (frac == 0) {
            return Long.toString(whole);
        }
        String digits = Long.toString(unit + frac).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }
}
