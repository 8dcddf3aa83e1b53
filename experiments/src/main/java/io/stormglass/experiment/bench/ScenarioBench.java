package io.stormglass.experiment.bench;

import io.stormglass.raft.server.MemberObserver;
import io.stormglass.report.AtomicFolder;
import io.stormglass.run.ProgressListener;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.run.WallClock;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a reference case and measures it: events, wall time, simulated time and the peak heap. A case
 * runs in memory (no folder, no report: the simulation alone is timed), or, if it
 * {@linkplain ReferenceCases.Case#writesRunFolder writes its run folder}, as {@code stormglass run}
 * runs it, into a folder of its own under the scratch folder, removed once the run is timed.
 */
public final class ScenarioBench {
    private final WallClock wallClock;
    private final Path scratch;

    /** @param scratch where cases that write their run folder create (and remove) one; must exist */
    public ScenarioBench(WallClock wallClock, Path scratch) {
        this.wallClock = wallClock;
        this.scratch = scratch;
    }

    public BenchResult run(ReferenceCases.Case c) throws IOException {
        HeapPeak.reset();
        long start = wallClock.nanos();
        long events = 0;
        double simulated = 0;
        String fingerprint = "";
        for (Scenario s : c.scenarios()) {
            RunResult r = c.writesRunFolder() ? runWithFolder(s) : Runner.run(s, Runner.Options.inMemory(wallClock));
            events += r.events();
            simulated += s.durationNanos() / 1e9;
            fingerprint = r.fingerprint();
        }
        double wall = (wallClock.nanos() - start) / 1e9;
        return new BenchResult(c.name(), c.scenarios().size(), events, wall, simulated, HeapPeak.bytes(), fingerprint);
    }

    private RunResult runWithFolder(Scenario s) throws IOException {
        Path own = Files.createTempDirectory(scratch, "stormglass-bench-");
        try {
            return Runner.run(s, new Runner.Options(own.resolve("run"), "", "", MemberObserver.NONE, ProgressListener.NONE,
                    wallClock));
        } finally {
            AtomicFolder.deleteTree(own);
        }
    }
}
