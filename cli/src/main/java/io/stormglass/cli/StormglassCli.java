package io.stormglass.cli;

import io.stormglass.report.output.OutputMarker;
import io.stormglass.report.output.StagingRegistry;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code stormglass} command. User mistakes (malformed files, bad options, missing files,
 * output paths that may not be written) print one line per problem and exit with
 * {@link ExitCodes#BAD_INPUT}; never a stack trace. A failure to write is
 * {@link ExitCodes#CANNOT_WRITE}; anything else is a bug, reported on one line with the stack trace
 * in a log file ({@link ExitCodes#INTERNAL_ERROR}). See {@link ExitCodes} for the rest.
 */
@Command(name = "stormglass", mixinStandardHelpOptions = true, version = "Stormglass " + OutputMarker.TOOL_VERSION,
        description = "Deterministic simulator for fault and latency experiments on an etcd-style Raft cluster.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok; every check passed",
            "1:the checks found a safety or linearizability violation (check-history: not linearizable;"
                + " fuzz: a seed failed a safety or linearizability check)",
            "2:bad input: a malformed file, a wrong option, an output path that may not be written",
            "3:unknown: a budget ran out before an answer (check-history)",
            "4:a liveness failure only: no progress after the faults healed, no safety violation",
            "5:calibrate: a simulated figure lies outside its tolerance",
            "70:internal error, a bug in Stormglass (the stack trace is in stormglass-error-*.log)",
            "74:the output could not be written (disk full, permission denied)",
            "130:interrupted (Ctrl-C); the partial output is removed",
            "143:terminated (SIGTERM); the partial output is removed"},
        footer = "%nOutputs: a command never replaces a folder or file Stormglass did not write, nor one of another kind,"
            + " unless given --force; never ., .., /, the working folder, its parents or your home folder.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, DiskCheckCommand.class,
            CheckHistoryCommand.class, CapacityCommand.class, SweepCommand.class, FailoverCommand.class, FuzzCommand.class,
            CalibrateCommand.class, BenchCommand.class, ExploreCommand.class, ExportCommand.class, DiffCommand.class,
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
        InterruptCleanup.install();
        InterruptCleanup.running(true);
        CommandLine cli = new CommandLine(new StormglassCli());
        FailureHandler failures = new FailureHandler(args);
        int code;
        try {
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            cli.setParameterExceptionHandler(StormglassCli::parameterError);
            cli.setExecutionExceptionHandler(failures);
            cli.setExecutionStrategy(parseResult -> {
                try {
                    return new CommandLine.RunLast().execute(parseResult);
                } catch (Error e) {
                    // picocli hands on exceptions only: out of memory, stack overflow and the like come here
                    List<CommandLine> commands = parseResult.asCommandLineList();
                    return failures.handle(e, commands.get(commands.size() - 1));
                }
            });
            code = cli.execute(args);
        } catch (RuntimeException | Error e) {
            code = failures.handle(e, cli);
        } finally {
            StagingRegistry.removeAll();
            InterruptCleanup.running(false);
        }
        return standardOutputWritten(cli, code);
    }

    /** One line: what was wrong (the option first), and where to look for the usage. */
    private static int parameterError(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("stormglass: " + ParameterErrors.describe(ex) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        return ExitCodes.BAD_INPUT;
    }

    /** Standard output that could not be written (a full disk, a closed pipe) turns a success into {@link ExitCodes#CANNOT_WRITE}. */
    private static int standardOutputWritten(CommandLine cli, int code) {
        boolean failed = cli.getOut().checkError() | System.out.checkError();
        if (failed && code != ExitCodes.BAD_INPUT && code != ExitCodes.INTERNAL_ERROR && code != ExitCodes.CANNOT_WRITE) {
            cli.getErr().println("stormglass: cannot write to standard output (a full disk or a closed pipe)");
            cli.getErr().flush();
            return ExitCodes.CANNOT_WRITE;
        }
        return code;
    }
}
