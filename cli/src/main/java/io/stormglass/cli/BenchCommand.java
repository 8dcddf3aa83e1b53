package io.stormglass.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.experiment.bench.BenchResult;
import io.stormglass.experiment.bench.EngineMicrobench;
import io.stormglass.experiment.bench.ParallelScaling;
import io.stormglass.experiment.bench.ReferenceCases;
import io.stormglass.experiment.bench.ScenarioBench;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stormglass bench}: the reference scenarios and the engine microbenchmark, timed on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times the simulator on this machine: the incident for 24 simulated hours (in memory, then with",
            "its run folder and report, written to a temporary folder and removed), the safety-fuzz scenario for 100",
            "seeds, a five-member cluster at 1000 requests/s for an hour, the cross-region cluster for an hour (each",
            "in memory: nothing is written), six 6-hour runs of the incident on one thread, on two, and on one again",
            "(after a warm-up run: what parallel runs cost each other), and the engine's event loop against a PriorityQueue",
            "baseline in the same process. Prints events, events/s, simulated time per wall time (x real time) and",
            "peak heap per case, with the load average (other processes slow every figure). Numbers, not checks:",
            "the exit code is 0 whatever they are."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print the results as JSON (for CI trends) instead of a table")
    boolean json;

    @Option(names = "--quick", description = "shortened cases (1 h, 3 seeds, 5 min, 5 min): a smoke test of the command")
    boolean quick;

    @Option(names = "--only", paramLabel = "NAMES", split = ",",
            description = "run only the cases whose names contain one of these (e.g. incident,engine)")
    List<String> only = new ArrayList<>();

    @Option(names = "--scenarios", paramLabel = "DIR", description = "the scenario library (default: scenarios)")
    Path library = Path.of("scenarios");

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(library)) {
            throw new UserInputException("--scenarios: expected the scenario library folder, found no folder " + library);
        }
        double loadBefore = loadAverage();
        List<BenchResult> results = new ArrayList<>();
        ScenarioBench bench = new ScenarioBench(System::nanoTime, Path.of(System.getProperty("java.io.tmpdir")));
        for (ReferenceCases.Case c : ReferenceCases.all(library, quick)) {
            if (selected(c.name())) {
                BenchResult r = bench.run(c);
                results.add(r);
                if (!json) {
                    System.err.printf(Locale.ROOT, "%s done in %.1f s%n", r.name(), r.wallSeconds());
                }
            }
        }
        ReferenceCases.ScalingCase scalingCase = ReferenceCases.scaling(library, quick);
        ParallelScaling.Outcome scaling = null;
        if (selected(scalingCase.name())) {
            scaling = new ParallelScaling(System::nanoTime, 2).run(scalingCase.warmup(), scalingCase.runs());
            if (!json) {
                System.err.printf(Locale.ROOT, "%s done: speed-up %.2f%n", scalingCase.name(), scaling.speedup());
            }
        }
        EngineMicrobench.Outcome engine = null;
        if (selected("engine-vs-priorityqueue")) {
            engine = (quick ? new EngineMicrobench(System::nanoTime, 10_000, 200_000, 1, 3)
                    : EngineMicrobench.standard(System::nanoTime)).run();
        }
        double loadAfter = loadAverage();
        if (json) {
            System.out.println(toJson(results, scalingCase.name(), scaling, engine, loadBefore, loadAfter));
        } else {
            printTable(results, scalingCase.name(), scaling, engine, loadBefore, loadAfter);
        }
        return ExitCodes.OK;
    }

    private boolean selected(String name) {
        return only.isEmpty() || only.stream().anyMatch(o -> name.contains(o.strip()));
    }

    /** The JVM's garbage collectors (the launcher picks the parallel one; a JVM flag may pick another): they change every figure. */
    private static String collectors() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + "));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void printTable(List<BenchResult> results, String scalingName, ParallelScaling.Outcome scaling,
            EngineMicrobench.Outcome engine, double loadBefore, double loadAfter) {
        System.out.printf(Locale.ROOT, "%-28s %5s %12s %10s %9s %12s %10s%n", "case", "runs", "events", "wall s",
                "M ev/s", "x real time", "peak heap");
        for (BenchResult r : results) {
            System.out.printf(Locale.ROOT, "%-28s %5d %12d %10.1f %9.2f %12.0f %7d MB%n", r.name(), r.runs(), r.events(),
                    r.wallSeconds(), r.eventsPerSecond() / 1e6, r.timesRealTime(), r.peakHeapBytes() >> 20);
        }
        if (scaling != null) {
            System.out.printf(Locale.ROOT, "%s: 1 thread %.1f s (collector %.1f s), %d threads %.1f s (collector %.1f s),"
                    + " speed-up %.2f, fingerprints %s%n", scalingName, scaling.serialWallSeconds(), scaling.serialGcSeconds(),
                    scaling.jobs(), scaling.parallelWallSeconds(), scaling.parallelGcSeconds(), scaling.speedup(),
                    scaling.sameFingerprints() ? "the same on every pass" : "DIFFER between the passes (a determinism bug)");
        }
        if (engine != null) {
            System.out.printf(Locale.ROOT, "engine vs PriorityQueue: engine %.2f M events/s, baseline %.2f M events/s, ratio %.2f%n",
                    engine.engineEventsPerSecond() / 1e6, engine.baselineEventsPerSecond() / 1e6, engine.ratio());
        }
        System.out.printf(Locale.ROOT, "load average %.2f before, %.2f after, on %d cores (java %s, %s)%n", loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), collectors());
    }

    private static String toJson(List<BenchResult> results, String scalingName, ParallelScaling.Outcome scaling,
            EngineMicrobench.Outcome engine, double loadBefore, double loadAfter) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        ArrayNode cases = root.putArray("cases");
        for (BenchResult r : results) {
            ObjectNode c = cases.addObject();
            c.put("name", r.name());
            c.put("runs", r.runs());
            c.put("events", r.events());
            c.put("wall_s", r.wallSeconds());
            c.put("events_per_s", r.eventsPerSecond());
            c.put("simulated_s", r.simulatedSeconds());
            c.put("x_real_time", r.timesRealTime());
            c.put("peak_heap_bytes", r.peakHeapBytes());
            c.put("fingerprint", r.fingerprint());
        }
        if (scaling != null) {
            ObjectNode p = root.putObject("parallel_scaling");
            p.put("name", scalingName);
            p.put("runs", scaling.runs());
            p.put("jobs", scaling.jobs());
            p.put("serial_wall_s", scaling.serialWallSeconds());
            p.put("parallel_wall_s", scaling.parallelWallSeconds());
            p.put("serial_gc_s", scaling.serialGcSeconds());
            p.put("parallel_gc_s", scaling.parallelGcSeconds());
            p.put("speedup", scaling.speedup());
            p.put("same_fingerprints", scaling.sameFingerprints());
        }
        if (engine != null) {
            ObjectNode e = root.putObject("engine_vs_priorityqueue");
            e.put("engine_events_per_s", engine.engineEventsPerSecond());
            e.put("baseline_events_per_s", engine.baselineEventsPerSecond());
            e.put("ratio", engine.ratio());
        }
        root.put("load_average_before", loadBefore);
        root.put("load_average_after", loadAfter);
        root.put("cores", Runtime.getRuntime().availableProcessors());
        root.put("java", Runtime.version().toString());
        root.put("gc", collectors());
        return mapper.writeValueAsString(root);
    }
}
