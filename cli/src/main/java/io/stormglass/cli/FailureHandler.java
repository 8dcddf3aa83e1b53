package io.stormglass.cli;

import io.stormglass.report.output.StagingRegistry;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What a command threw, turned into one line (or one per problem) and an exit code: a user's
 * mistake is {@link ExitCodes#BAD_INPUT}; an I/O failure (disk full, permission denied) is
 * {@link ExitCodes#CANNOT_WRITE}; anything else, errors such as running out of memory included, is
 * a bug in Stormglass, {@link ExitCodes#INTERNAL_ERROR}, with the stack trace in a log file
 * ({@link InternalErrorReport}). A failure removes every staging folder still registered.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
    private final String[] args;

    FailureHandler(String[] args) {
        this.args = args.clone();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return handle(ex, commandLine);
    }

    /** Prints what went wrong on {@code commandLine}'s error stream and returns the exit code. */
    int handle(Throwable ex, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (StagingRegistry.shuttingDown()) {
            // the failure is the interrupt pulling the staging folder away: the hook has said what happened
            return ExitCodes.INTERRUPTED;
        }
        if (ex instanceof ScenarioException se) {
            se.problems().forEach(p -> err.println(p.oneLine()));
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof UserInputException) {
            err.println("stormglass: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        StagingRegistry.removeAll();
        IOException io = IoErrors.ioCause(ex);
        if (io != null) {
            err.println("stormglass: cannot write the output: " + IoErrors.describe(io));
            return ExitCodes.CANNOT_WRITE;
        }
        err.println(InternalErrorReport.report(ex, logFolder(commandLine), args));
        return ExitCodes.INTERNAL_ERROR;
    }

    /** The parent of the command's output, if it resolved one before failing. */
    private static Path logFolder(CommandLine commandLine) {
        for (CommandLine.Model.CommandSpec mixin : commandLine.getCommandSpec().mixins().values()) {
            if (mixin.userObject() instanceof OutputOptions o) {
                return o.logFolder();
            }
        }
        return null;
    }
}
