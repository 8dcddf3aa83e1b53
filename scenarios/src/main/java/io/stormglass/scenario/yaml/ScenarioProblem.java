package io.stormglass.scenario.yaml;

/**
 * One mistake in a scenario, reported on one line as
 * {@code file:line:column: key.path: what was expected}.
 *
 * @param location where it is
 * @param keyPath  the key path, such as {@code cluster.heartbeat-interval} (empty for the whole document)
 * @param message  what was expected and what was found, with a suggestion where there is one
 */
public record ScenarioProblem(Location location, String keyPath, String message) {
    public String oneLine() {
        return location + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message;
    }
}
