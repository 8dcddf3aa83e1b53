package io.stormglass.scenario.history;

/**
 * No longer thrown: a malformed history is now a
 * {@link io.stormglass.scenario.yaml.ScenarioException} whose problems are located at
 * {@code FILE:LINE}, printed as every other input mistake is. Kept only because the CLI's exception
 * handler still names it; remove both together.
 *
 * @deprecated history mistakes are {@link io.stormglass.scenario.yaml.ScenarioException}s
 */
@Deprecated
public final class HistoryFormatException extends RuntimeException {
    public HistoryFormatException(String message) {
        super(message);
    }
}
