package io.stormglass.cli;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.check.linearizability.LinearizabilityChecker;
import io.stormglass.raft.client.Operation;
import io.stormglass.report.output.AtomicFile;
import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputKind;
import io.stormglass.scenario.history.HistoryFiles;
import io.stormglass.scenario.units.UnitException;
import io.stormglass.scenario.units.Units;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stormglass check-history FILE}: is a client history linearizable? */
@Command(name = "check-history", mixinStandardHelpOptions = true,
        description = {"Checks a client history for linearizability (Wing & Gong / Lowe, per key).",
            "Reads Stormglass's JSONL history or Jepsen's register log (detected automatically).",
            "Exit codes: 0 linearizable, 1 not linearizable, 2 bad input, 3 unknown (budget exhausted),",
            "74 the witness page could not be written."})
final class CheckHistoryCommand implements Callable<Integer> {
    enum Model { register, kv }

    @Parameters(index = "0", paramLabel = "FILE", description = "the history file")
    Path file;

    @Option(names = "--model", defaultValue = "kv", paramLabel = "MODEL",
            description = "register (one register, as Jepsen's register test) or kv (a register per key); default ${DEFAULT-VALUE}")
    Model model;

    @Option(names = "--budget", defaultValue = "30s", paramLabel = "DURATION",
            description = "wall-clock time the search may take before answering unknown; default ${DEFAULT-VALUE}")
    String budget;

    @Option(names = "--html", paramLabel = "FILE", description = {"also write the witness of a violation as an HTML timeline",
        "(atomically; an existing FILE is replaced only if an earlier witness page, see --force)"})
    Path html;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        long budgetNanos;
        try {
            budgetNanos = Units.durationNanos(budget);
        } catch (UnitException e) {
            throw new UserInputException("--budget: " + e.getMessage());
        }
        OutputDestination page = html == null ? null : output.file(html, "--html", OutputKind.WITNESS);
        List<Operation> history = HistoryFiles.read(file);
        if (model == Model.register) {
            history = history.stream().map(op -> new Operation(op.id(), op.client(), op.kind(), "register", op.value(),
                    op.expected(), op.casSucceeded(), op.invokeNanos(), op.completeNanos(), op.outcome())).toList();
        }
        long start = System.nanoTime();
        CheckResult result = new LinearizabilityChecker(new WallClockBudget(budgetNanos)).check(history);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result instanceof CheckResult.Linearizable ok) {
            System.out.printf(Locale.ROOT, "linearizable (%d operations on %d keys, %d search steps, %.2f s)%n",
                    ok.operations(), ok.keys(), ok.steps(), seconds);
            return ExitCodes.OK;
        }
        if (result instanceof CheckResult.Unknown unknown) {
            System.out.printf(Locale.ROOT, "unknown: %s after %.2f s (%d search steps); raise --budget%n",
                    unknown.reason(), seconds, unknown.steps());
            return ExitCodes.UNKNOWN;
        }
        CheckResult.NotLinearizable bad = (CheckResult.NotLinearizable) result;
        System.out.printf(Locale.ROOT, "not linearizable: key \"%s\"; no order of these %d operations explains what they returned:%n",
                bad.key(), bad.witness().size());
        for (Operation op : bad.witness()) {
            System.out.println("  " + op.describe());
        }
        if (html != null) {
            AtomicFile.writeString(page.target(), WitnessHtml.render(bad));
            System.out.println("witness timeline: " + html);
        }
        return ExitCodes.NOT_LINEARIZABLE;
    }
}
