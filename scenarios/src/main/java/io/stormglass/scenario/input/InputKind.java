package io.stormglass.scenario.input;

/**
 * The kinds of files Stormglass reads, each with the most bytes it reads from one: enough for any
 * real file of the kind, few enough that reading it can never exhaust memory (a scenario is a few
 * KiB; a fio report or a Prometheus scrape well under a MiB; a day of blktrace at 30 I/Os per
 * second is about 60 MiB; a history of a million operations about 200 MiB).
 */
public enum InputKind {
    /** Scenario files, their {@code extends:} bases, sweep and capacity files (the YAML reader's own limit). */
    YAML("a scenario, sweep or capacity file", 1L << 20, "1MiB"),
    /** fio's JSON report, a Prometheus scrape. */
    DATA("a fio report or Prometheus scrape", 16L << 20, "16MiB"),
    /** An I/O trace replayed by a {@code trace} neighbour (held in memory as the replay schedule). */
    TRACE("an I/O trace", 64L << 20, "64MiB"),
    /** A client history for {@code check-history}, read line by line. */
    HISTORY("a history", 256L << 20, "256MiB"),
    /** A sweep's {@code sweep.csv}, read line by line when a sweep resumes. */
    RESULTS("a sweep.csv", 256L << 20, "256MiB");

    /** The longest line read by {@link InputFiles#forEachLine}. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    private final String what;
    private final long maxBytes;
    private final String maxText;

    InputKind(String what, long maxBytes, String maxText) {
        this.what = what;
        this.maxBytes = maxBytes;
        this.maxText = maxText;
    }

    /** The kind in words, as in "the most Stormglass reads from a history". */
    public String what() {
        return what;
    }

    /** The most bytes read from one file of this kind. */
    public long maxBytes() {
        return maxBytes;
    }

    /** {@link #maxBytes()} as a size ({@code 16MiB}). */
    public String maxText() {
        return maxText;
    }
}
