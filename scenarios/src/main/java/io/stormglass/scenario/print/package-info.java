/**
 * {@link io.stormglass.scenario.print.ScenarioPrinter}: a resolved scenario printed back as a
 * scenario file, every default filled in (what {@code --print-config} shows and a run records).
 * The keys and their order come from {@link io.stormglass.scenario.schema.ScenarioSchema}.
 */
package io.stormglass.scenario.print;
