/**
 * Scenario files to {@link io.stormglass.scenario.model.Scenario}s: {@link io.stormglass.scenario.load.ScenarioLoader}
 * reads a file, resolves its {@code extends:} chain, applies {@code --set} overrides and binds
 * every section with its own binder, each recording located problems instead of throwing so that
 * one pass reports every mistake. A binder reads every value through its key in
 * {@link io.stormglass.scenario.schema} (name, unit, bounds, default) and holds only the
 * structure of its section and the checks between keys; the schema generates the key tables of
 * {@code docs/scenarios.md}.
 */
package io.stormglass.scenario.load;
