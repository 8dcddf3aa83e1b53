package io.stormglass.experiment.sweep;

import io.stormglass.scenario.yaml.Location;

/**
 * One scenario key set to one value, as {@code --set key=value} would.
 *
 * @param key   dotted kebab-case key path, such as {@code cluster.election-timeout}
 * @param value the value as written, such as {@code 2s}
 * @param at    where the value stands in the sweep file
 */
public record Setting(String key, String value, Location at) {
    public String asSet() {
        return key + "=" + value;
    }
}
