package io.stormglass.cli;

import io.stormglass.experiment.calibration.Calibration;
import io.stormglass.experiment.calibration.CalibrationBudget;
import io.stormglass.experiment.calibration.CalibrationJson;
import io.stormglass.experiment.calibration.CalibrationPage;
import io.stormglass.experiment.calibration.CalibrationTable;
import io.stormglass.experiment.calibration.ReferenceResult;
import io.stormglass.report.output.OutputDestination;
import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.StagingFolder;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code stormglass calibrate [--full] [--only ID,...]}: published measurements against the simulator. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Expresses published measurements (the Raft paper's failover experiment, etcd's benchmark table,",
            "the seeds' disk and network figures) as scenarios, runs them and prints one table: published figure,",
            "simulated figure, ratio, tolerance. Writes calibration-report.html and calibration.json into a folder",
            "written atomically. Exit 5 when a figure lies outside its tolerance. See docs/calibration.md."})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--full", description = "use the published trial and request counts (slow: tens of minutes)")
    boolean full;

    @Option(names = "--only", paramLabel = "ID", split = ",", description = "run only these references (ids as in --list)")
    List<String> only = List.of();

    @Option(names = "--list", description = "list the references and exit")
    boolean list;

    @Option(names = "--library", paramLabel = "DIR",
            description = "the scenario library some references start from; default: ./scenarios, else this installation's")
    Path library;

    @Mixin
    JobsOption jobs;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: out/calibration)")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        Calibration calibration = Calibration.standard(library == null ? ListCommand.defaultLibrary() : library);
        if (list) {
            calibration.ids().forEach(System.out::println);
            return ExitCodes.OK;
        }
        Set<String> ids = new LinkedHashSet<>(only);
        for (String id : ids) {
            if (!calibration.ids().contains(id)) {
                throw new UserInputException("--only: expected one of " + String.join(", ", calibration.ids()) + ", found "
                        + id);
            }
        }
        OutputDestination destination = out == null
                ? output.defaultFolder("calibration", "calibration", OutputKind.CALIBRATION)
                : output.folder(out, false, OutputKind.CALIBRATION);
        Path dir = out == null ? Path.of("out", "calibration") : out;
        CalibrationBudget budget = new CalibrationBudget(full, jobs.threads());
        long start = System.nanoTime();
        List<ReferenceResult> results = calibration.run(ids, budget, line -> System.err.printf(Locale.ROOT, "[%6.1f s] %s%n",
                (System.nanoTime() - start) / 1e9, line), System::nanoTime);
        try (StagingFolder staging = StagingFolder.create(destination.target())) {
            try (Writer w = Files.newBufferedWriter(staging.dir().resolve("calibration.json"), StandardCharsets.UTF_8)) {
                CalibrationJson.write(results, full, w);
            }
            CalibrationPage.write(results, full, staging.dir());
            staging.publish(OutputKind.CALIBRATION, output.commandLine());
        }
        System.out.print(CalibrationTable.render(results));
        long bad = results.stream().mapToLong(ReferenceResult::outOfTolerance).sum();
        long total = results.stream().mapToLong(r -> r.rows().size()).sum();
        System.out.printf(Locale.ROOT, "%d of %d figures within tolerance; report: %s%n", total - bad, total,
                dir.resolve(CalibrationPage.PAGE));
        return bad == 0 ? ExitCodes.OK : ExitCodes.OUT_OF_TOLERANCE;
    }
}
