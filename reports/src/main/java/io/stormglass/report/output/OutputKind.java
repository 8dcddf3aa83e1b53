package io.stormglass.report.output;

import java.util.Locale;
import java.util.Optional;

/**
 * What a Stormglass command writes. An output folder may be replaced (or, for a sweep, resumed)
 * only by a command of the same kind.
 */
public enum OutputKind {
    RUN("a run"),
    SWEEP("a sweep"),
    CAPACITY("a capacity study"),
    FUZZ("a fuzz campaign"),
    FAILOVER("a failover experiment"),
    CALIBRATION("a calibration"),
    /** {@code check-history --html}: a single file, marked by a meta tag instead of a marker file. */
    WITNESS("a check-history witness page");

    private final String noun;

    OutputKind(String noun) {
        this.noun = noun;
    }

    /** The kind as written in a marker file ({@code run}, {@code sweep}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind in words, with its article ("a run"). */
    public String noun() {
        return noun;
    }

    /** The kind a marker names, or empty for a key no version of Stormglass wrote. */
    public static Optional<OutputKind> ofKey(String key) {
        for (OutputKind k : values()) {
            if (k.key().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
