/**
 * Quantities as scenarios write them, always with their unit ({@code 100ms}, {@code 64MiB},
 * {@code 1000/s}, {@code 1Gbit/s}), parsed to {@code long}s in base units and printed back the same
 * way; bounds that hold everywhere (durations up to 400 days, one rule for seeds) and short quoting
 * of what a user wrote for messages. A bare number is never a duration or a size.
 */
package io.stormglass.scenario.units;
