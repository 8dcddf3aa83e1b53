package io.stormglass.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set KEY=VALUE}, shared by every command that reads a scenario: overrides applied in the
 * order given, each located as {@code --set:N:1} when it is wrong.
 */
final class SetOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a scenario key, e.g. --set cluster.election-timeout=2s (repeatable, applied in order)")
    List<String> sets = new ArrayList<>();
}
