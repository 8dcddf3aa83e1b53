package io.stormglass.report.output;

/**
 * A destination a command must not write: the reason reads {@code expected ..., found ...} and
 * says whether {@code --force} would allow it. The caller puts the option or file location in
 * front of it.
 */
public final class OutputRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean forceAllows;

    OutputRefusal(String reason, boolean forceAllows) {
        super(reason);
        this.forceAllows = forceAllows;
    }

    /** A refusal that no option lifts. */
    static OutputRefusal never(String expectedFound) {
        return new OutputRefusal(expectedFound + " (never replaced, even with --force)", false);
    }

    /** A refusal that {@code --force} lifts; {@code advice} says what else the user can do. */
    static OutputRefusal unlessForced(String expectedFound, String advice) {
        return new OutputRefusal(expectedFound + "; " + advice, true);
    }

    /** Whether {@code --force} would have allowed the destination. */
    public boolean forceAllows() {
        return forceAllows;
    }
}
