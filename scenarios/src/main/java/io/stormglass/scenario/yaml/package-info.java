/**
 * YAML read for scenarios: a tree of {@link io.stormglass.scenario.yaml.YamlNode}s that keeps the
 * line and column of every key and value (anchors, aliases and tags refused, duplicate keys
 * reported), a {@link io.stormglass.scenario.yaml.MapReader} that binds typed values and collects
 * problems instead of stopping at the first, and {@link io.stormglass.scenario.yaml.ScenarioProblem}:
 * one line per mistake, {@code file:line:column: key.path: what was expected, what was found}, with a
 * suggestion for a misspelt key.
 */
package io.stormglass.scenario.yaml;
