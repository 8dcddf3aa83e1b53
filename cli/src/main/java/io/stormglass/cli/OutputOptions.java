package io.stormglass.cli;

import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputEnvironment;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.OutputRefusal;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --force} and the destination checks every command that writes shares (a picocli mixin):
 * each such command resolves its destination here before it runs any simulation, and a refused
 * destination is a user mistake (exit 2) named by the option or the scenario key that chose it.
 * It also remembers where the output goes, so that an internal error's log lands beside it.
 */
final class OutputOptions {
    @Option(names = "--force", description = {"replace an output folder or file Stormglass did not write, or of another kind;",
        "never ., .., /, the working folder or its parents, or your home folder"})
    boolean force;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Path logFolder;

    /** The folder {@code --out} names (or the command's default, if {@code isDefault}); exit 2 if it may not be written. */
    OutputDestination folder(Path requested, boolean isDefault, OutputKind kind) {
        try {
            return remember(OutputDestination.folder(requested, kind, force, OutputEnvironment.current()));
        } catch (OutputRefusal r) {
            // the refusal's "found ..." names the path; an explicit option is named as the user typed it
            throw new UserInputException((isDefault ? "--out (default " + shown(requested) + ")" : "--out") + ": " + r.getMessage());
        }
    }

    /** The file {@code option} names; exit 2 if it may not be written. */
    OutputDestination file(Path requested, String option, OutputKind kind) {
        try {
            return remember(OutputDestination.file(requested, kind, force, OutputEnvironment.current()));
        } catch (OutputRefusal r) {
            throw new UserInputException(option + ": " + r.getMessage());
        }
    }

    /**
     * The folder a scenario's {@code outputs.dir} names; a refusal is located in the scenario file
     * (or names {@code --set} if that is where the value came from).
     */
    OutputDestination scenarioFolder(String dir, Path scenarioFile, List<String> sets, OutputKind kind) {
        try {
            return remember(OutputDestination.folder(Path.of(dir), kind, force, OutputEnvironment.current()));
        } catch (OutputRefusal r) {
            for (int i = sets.size() - 1; i >= 0; i--) {
                if (sets.get(i).strip().startsWith("outputs.dir=")) {
                    // located as the n-th --set, as every --set problem is (the last one wins)
                    throw new ScenarioException(new ScenarioProblem(
                            new io.stormglass.scenario.yaml.Location(ScenarioLoader.SET_ORIGIN, i + 1, 1), "outputs.dir", r.getMessage()));
                }
            }
            throw new ScenarioException(new ScenarioProblem(OutputsDirLocation.find(scenarioFile, dir), "outputs.dir", r.getMessage()));
        } catch (java.nio.file.InvalidPathException e) {
            throw new ScenarioException(new ScenarioProblem(OutputsDirLocation.find(scenarioFile, dir), "outputs.dir",
                    "expected a path, found one the file system cannot hold"));
        }
    }

    /**
     * The default folder {@code out/<name>}: {@code name} comes from a file, so it must be one
     * plain folder name (no separators, no {@code ..}, no control characters) or nothing would keep
     * the output inside {@code out/}.
     */
    OutputDestination defaultFolder(String name, String file, OutputKind kind) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new ScenarioException(new ScenarioProblem(io.stormglass.scenario.yaml.Location.wholeFile(file), "name",
                    "expected a name usable as a folder name (no /, \\, .., control characters), found '"
                            + shortly(name) + "'"));
        }
        return folder(Path.of("out", name), true, kind);
    }

    /** The command line as typed (for an output's marker). */
    String commandLine() {
        List<String> args = mixee.commandLine().getParseResult().originalArgs();
        return "stormglass " + args.stream().map(OutputOptions::quoted).collect(Collectors.joining(" "));
    }

    /** Where an internal error's log goes: the parent of the output, once it is known (else null). */
    Path logFolder() {
        return logFolder;
    }

    private OutputDestination remember(OutputDestination d) {
        logFolder = d.target().getParent();
        return d;
    }

    static String shown(Path p) {
        return quoted(p.toString());
    }

    private static String quoted(String s) {
        return s.isEmpty() || s.chars().anyMatch(c -> c == ' ' || c == '\'' || c == '"') ? "'" + s.replace("'", "'\\''") + "'" : s;
    }

    private static String shortly(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 37) + "..." : clean;
    }
}
