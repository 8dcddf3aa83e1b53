package io.stormglass.scenario.schema;

/**
 * What a key is when a scenario does not write it: a value (shown in the docs as the scenario
 * would write it, with an optional note), a value that depends on other keys (the binder computes
 * it; the docs show {@code text}), or nothing: the key is required.
 *
 * @param value    the value read when the key is absent (null if it depends on other keys or the key is required)
 * @param text     what the docs show instead of the value (null: the value itself)
 * @param note     added to the value in the docs, in parentheses (null: none)
 * @param required what a missing required key's message expects ({@code a duration such as 100ms}); null if optional
 * @param fromRecord whether the value is to be taken from the defaults record of the key's section
 * @param <T>      the value's type
 */
public record Default<T>(T value, String text, String note, String required, boolean fromRecord) {
    /** {@code value}, shown as written. */
    public static <T> Default<T> of(T value) {
        return new Default<>(value, null, null, null, false);
    }

    /** {@code value}, shown as written and followed by {@code (note)}. */
    public static <T> Default<T> of(T value, String note) {
        return new Default<>(value, null, note, null, false);
    }

    /** A default that follows from other keys (the binder supplies it), described by {@code text}. */
    public static <T> Default<T> text(String text) {
        return new Default<>(null, text, null, null, false);
    }

    /** {@code value} read when absent, shown as {@code text} (a sentinel such as "until the end of the run"). */
    public static <T> Default<T> shown(T value, String text) {
        return new Default<>(value, text, null, null, false);
    }

    /** No default: a missing key is reported as "required key is missing; expected {@code expected}". */
    public static <T> Default<T> required(String expected) {
        return new Default<>(null, null, null, expected, false);
    }

    /**
     * The value the key has in its section's defaults record (an options record's documented
     * default, {@code NvmeDisk.Options.defaults()}), followed by {@code (note)} in the docs if
     * {@code note} is not null.
     */
    public static <T> Default<T> fromRecord(String note) {
        return new Default<>(null, null, note, null, true);
    }

    /** The default column of the docs. */
    String describe(ValueType<T> type) {
        if (required != null) {
            return "—";
        }
        if (text != null) {
            return text;
        }
        return value == null ? "none" : "`" + type.format(value) + "`" + (note == null ? "" : " (" + note + ")");
    }
}
