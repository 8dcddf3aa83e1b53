package io.stormglass.cli;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.experiment.sweep.SweepFileLoader;
import io.stormglass.experiment.sweep.SweepSpec;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code stormglass list [DIR]}: the scenario library with a one-line description of each. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the library: the name and first sentence of each scenario in a folder.",
            "Invalid files are listed as such (exit code 2); run validate for details."})
final class ListCommand implements Callable<Integer> {
    /** Longest description shown before it is cut with an ellipsis. */
    static final int MAX_DESCRIPTION_CHARS = 100;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "folder holding *.yaml scenarios; default: ./scenarios, else the library of this installation")
    Path dir;

    @Override
    public Integer call() {
        if (dir == null) {
            dir = defaultLibrary();
        }
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("cannot list " + dir + ": not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            // capacity-*.yaml are capacity files for the capacity command, not scenarios
            s.filter(p -> p.getFileName().toString().endsWith(".yaml") && !p.getFileName().toString().startsWith("capacity-")
                    && Files.isRegularFile(p)).forEach(files::add);
        } catch (IOException e) {
            throw new UserInputException("cannot list " + dir + ": " + e.getMessage());
        }
        TreeMap<String, String> rows = new TreeMap<>();
        boolean allValid = true;
        for (Path f : files) {
            try {
                if (SweepFileLoader.isSweepFile(f)) {
                    SweepSpec sweep = SweepFileLoader.load(f);
                    rows.put(sweep.name(), summary("Sweep: " + sweep.description()));
                    continue;
                }
                Scenario sc = ScenarioLoader.load(f);
                rows.put(sc.name(), summary(sc.description()));
            } catch (ScenarioException e) {
                allValid = false;
                rows.put(f.getFileName().toString(), "INVALID (" + e.problems().size() + " problem"
                        + (e.problems().size() == 1 ? "" : "s") + "; run: stormglass validate " + f + ")");
            }
        }
        if (rows.isEmpty()) {
            System.out.println("no scenarios (*.yaml) in " + dir);
        }
        int width = rows.keySet().stream().mapToInt(String::length).max().orElse(0);
        rows.forEach((name, text) -> System.out.println(name + " ".repeat(width - name.length() + 2) + text));
        return allValid ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /**
     * {@code ./scenarios} if there is one (the repository root), else the library of this
     * installation: the launcher runs {@code cli/target/stormglass.jar}, and the library is the
     * {@code scenarios} folder beside {@code cli}.
     */
    static Path defaultLibrary() {
        Path local = Path.of("scenarios");
        if (Files.isDirectory(local)) {
            return local;
        }
        try {
            Path code = Path.of(ListCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = code.getParent();
            Path root = target == null || target.getParent() == null ? null : target.getParent().getParent();
            if (root != null && Files.isDirectory(root.resolve("scenarios"))) {
                return root.resolve("scenarios");
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            // no code source to go by: fall back to ./scenarios and its error
        }
        return local;
    }

    /** The description's first sentence, on one line, cut to {@link #MAX_DESCRIPTION_CHARS}. */
    static String summary(String description) {
        String line = ValidateCommand.oneLine(description);
        int end = line.indexOf(". ");
        String first = end < 0 ? line : line.substring(0, end + 1);
        return first.length() <= MAX_DESCRIPTION_CHARS ? first : first.substring(0, MAX_DESCRIPTION_CHARS - 1) + "…";
    }
}
