package io.stormglass.cli;

import io.stormglass.scenario.units.Quote;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command-line mistake as one line that names what was wrong first, like a located problem in a
 * file: {@code stormglass: --seed: expected a whole number ..., got "abc" (see 'stormglass run --help')}.
 * picocli's own sentences are kept for what they say, reworded where they name the option twice.
 */
final class ParameterErrors {
    private static final Pattern INVALID_VALUE = Pattern.compile("Invalid value for (?:option|positional parameter) '([^']+)'[^:]*: (.*)", Pattern.DOTALL);
    private static final Pattern MISSING_VALUE = Pattern.compile("Missing required parameter for option '([^']+)' \\(([^)]*)\\)");
    private static final Pattern SPECIFIED_TWICE = Pattern.compile("option '([^']+)' \\(([^)]*)\\) should be specified only once");
    private static final Pattern MUTUALLY_EXCLUSIVE = Pattern.compile("Error: (--[\\w-]+)=[^,]*, (--[\\w-]+)=\\S* are mutually exclusive.*");

    private ParameterErrors() {
    }

    /** The one line (without the {@code stormglass: } prefix and the usage hint). */
    static String describe(CommandLine.ParameterException ex) {
        String message = String.join("; ", ex.getMessage().strip().lines().toList());
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            return unmatched(u, message);
        }
        if (ex instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec missing = m.getMissing().get(0);
            Matcher v = MISSING_VALUE.matcher(message);
            if (v.matches()) {
                return v.group(1) + ": expected a value (" + v.group(2) + "), found none";
            }
            return missing.isOption()
                    ? name(missing) + ": required; expected " + name(missing) + " " + missing.paramLabel() + ", found none"
                    : name(missing) + ": missing; the command needs it";
        }
        Matcher m = INVALID_VALUE.matcher(message);
        if (m.matches()) {
            return m.group(1) + ": " + cleanConversion(m.group(2));
        }
        m = SPECIFIED_TWICE.matcher(message);
        if (m.matches()) {
            return m.group(1) + ": expected once, found it more than once";
        }
        m = MUTUALLY_EXCLUSIVE.matcher(message);
        if (m.matches()) {
            return m.group(1) + ": expected either " + m.group(1) + " or " + m.group(2) + ", found both";
        }
        if (ex.getArgSpec() != null) {
            return name(ex.getArgSpec()) + ": " + message;
        }
        return message;
    }

    private static String unmatched(CommandLine.UnmatchedArgumentException u, String message) {
        List<String> args = u.getUnmatched();
        String first = args.isEmpty() ? "" : args.get(0);
        String suggestion = u.getSuggestions().isEmpty() ? "" : "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        if (first.startsWith("-")) {
            String option = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return option + ": unknown option" + suggestion;
        }
        if (!first.isEmpty()) {
            return Quote.of(first) + ": unexpected argument" + suggestion;
        }
        return message + suggestion;
    }

    /** picocli names the Java type it could not convert to; the user needs only what was wrong. */
    private static String cleanConversion(String text) {
        String t = text.replaceAll("\\(java\\.[^)]*\\)", "").replaceAll("\\s+", " ").strip();
        Matcher c = Pattern.compile("cannot convert '(.*)' to (?:interface |class )?java\\.nio\\.file\\.Path.*").matcher(t);
        if (c.matches()) {
            return "expected a path, found one the file system cannot hold";
        }
        c = Pattern.compile("'(.*)' is not an? (int|long|boolean)").matcher(t);
        if (c.matches()) {
            String what = c.group(2).equals("boolean") ? "true or false" : "a whole number within range";
            return "expected " + what + ", got " + Quote.of(c.group(1));
        }
        return t;
    }

    private static String name(ArgSpec spec) {
        return spec instanceof OptionSpec o ? o.longestName() : spec.paramLabel();
    }
}
