package io.stormglass.cli;

import io.stormglass.scenario.units.Seeds;
import io.stormglass.scenario.units.UnitException;
import picocli.CommandLine;

/**
 * Reads {@code --seed} and {@code --first-seed} by the one rule a scenario's {@code seed:} follows
 * ({@link Seeds}): a whole number from 0 to 2^63−1. picocli prefixes the message with the option's
 * name.
 */
final class SeedConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return Seeds.parse(value);
        } catch (UnitException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
