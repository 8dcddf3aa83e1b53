package io.stormglass.scenario.units;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The one rule for a seed, wherever it is written (a scenario's, sweep's or capacity file's
 * {@code seed:}, a sweep's {@code seeds:} list, {@code --seed}, {@code --first-seed}): a whole
 * number from 0 to 2^63−1, in ASCII digits ({@code _} may group them, as YAML allows). A seed is
 * a name for a run, so a negative one or one written as {@code 1.0} is refused rather than
 * guessed at.
 */
public final class Seeds {
    /** The largest seed: 2^63−1. */
    public static final long MAX = Long.MAX_VALUE;
    /** What a seed must be, as messages say it. */
    public static final String RULE = "a whole number from 0 to 9223372036854775807 (2^63-1)";
    private static final Pattern DIGITS = Pattern.compile("[+-]?[0-9][0-9_]*");

    private Seeds() {
    }

    /**
     * The seed written as {@code text}.
     *
     * @throws UnitException saying what a seed is and what was found
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.length() > 30 || !DIGITS.matcher(t).matches()) {
            throw new UnitException("expected " + RULE + ", got " + Quote.of(t));
        }
        BigInteger v = new BigInteger(t.replace("_", ""));
        if (v.signum() < 0 || t.startsWith("-") || v.compareTo(BigInteger.valueOf(MAX)) > 0) {
            throw new UnitException("expected " + RULE + ", got " + Quote.of(t));
        }
        return v.longValueExact();
    }

    /**
     * Checks that {@code count} consecutive seeds from {@code first} stay within the rule.
     *
     * @throws UnitException naming the last seed, which would pass 2^63−1
     */
    public static void checkRange(long first, long count) {
        if (count > 0 && first > MAX - (count - 1)) {
            throw new UnitException(count + " seeds from " + first + " would pass the largest seed, 9223372036854775807 (2^63-1); "
                    + "start at most at " + (MAX - (count - 1)));
        }
    }
}
