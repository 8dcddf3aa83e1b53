package io.stormglass.cli;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass validate SCENARIO...}: checks scenario files without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks scenario files: syntax, keys, units, values and etcd's start-up rules.",
            "Prints 'ok: <name> — <description>' per valid file, else one line per problem",
            "(file:line:column: key.path: what was expected). Exit codes: 0 all valid, 2 any invalid."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "scenario files (YAML)")
    List<Path> files = new ArrayList<>();

    @Mixin
    SetOptions overrides;

    @Option(names = "--print-config", description = "print the seed and every resolved parameter of each valid scenario")
    boolean printConfig;

    @Override
    public Integer call() {
        boolean allValid = true;
        for (Path file : files) {
            try {
                Scenario s = ScenarioLoader.load(file, overrides.sets);
                System.out.println("ok: " + s.name() + " — " + oneLine(s.description()));
                s.cluster().raft().startupNote().ifPresent(System.out::println);
                if (printConfig) {
                    System.out.print(ScenarioPrinter.print(s));
                }
            } catch (ScenarioException e) {
                allValid = false;
                for (ScenarioProblem p : e.problems()) {
                    System.err.println(p.oneLine());
                }
            }
        }
        return allValid ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }

    /** A description on one line (YAML block scalars keep their line breaks). */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
