/**
 * Scenario files to {@link io.stormglass.scenario.model.Scenario}s: {@link io.stormglass.scenario.load.ScenarioLoader}
 * reads a file, resolves its {@code extends:} chain, applies {@code --set} overrides and binds
 * every section with its own binder, each recording located problems instead of throwing so that
 * one pass reports every mistake. The schema is documented in {@code docs/scenarios.md}.
 */
package io.stormglass.scenario.load;
