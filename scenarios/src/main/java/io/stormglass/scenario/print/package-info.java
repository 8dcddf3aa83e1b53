/**
 * {@link io.stormglass.scenario.print.ScenarioPrinter}: a resolved scenario printed back as a
 * scenario file, every default filled in (what {@code --print-config} shows and a run records).
 */
package io.stormglass.scenario.print;
