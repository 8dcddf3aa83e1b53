package io.stormglass.scenario.cli;

import io.stormglass.scenario.history.HistoryFormatException;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stormglass} command. User mistakes (malformed files, bad options, missing files)
 * print one line per problem and exit with {@link ExitCodes#BAD_INPUT}; never a stack trace.
 * Anything else is a bug: it is reported as an internal error with its stack trace (exit 1).
 */
@Command(name = "stormglass", mixinStandardHelpOptions = true, version = "Stormglass 0.1.0",
        description = "Deterministic simulator for fault and latency experiments on an etcd-style Raft cluster.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, DiskCheckCommand.class,
            CheckHistoryCommand.class, CapacityCommand.class, SweepCommand.class, FailoverCommand.class, FuzzCommand.class,
            CommandLine.HelpCommand.class})
public final class StormglassCli implements Runnable {
    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new StormglassCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("stormglass: " + ex.getMessage());
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof ScenarioException se) {
                se.problems().forEach(p -> err.println(p.oneLine()));
                return ExitCodes.BAD_INPUT;
            }
            if (ex instanceof UserInputException || ex instanceof HistoryFormatException) {
                err.println("stormglass: " + ex.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            err.println("stormglass: internal error (a bug in Stormglass, please report it):");
            ex.printStackTrace(err);
            return ExitCodes.INTERNAL_ERROR;
        });
        return cli.execute(args);
    }
}
