package io.stormglass.scenario.run;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.History;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.report.RunRecord;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs one scenario: assembles the cluster, starts it, starts the load after the warm-up, puts the
 * faults on the timeline, runs the simulation to the end, and writes the run's folder.
 *
 * <p>The simulation runs in chunks only so that progress can be reported between them; the chunk
 * boundaries are decided by the wall clock but change nothing inside the simulation (no event is
 * added, moved or reordered), so the fingerprint is the same however fast the machine is.
 */
public final class Runner {
    /** Wall-clock time between progress reports, in nanoseconds. */
    private static final long PROGRESS_EVERY_WALL_NANOS = 250_000_000L;

    /**
     * How to run.
     *
     * @param outDir           where to write the run's folder; null to write nothing
     * @param reproduceCommand the command a person types to run this again (shown in the report)
     * @param scenarioText     the scenario as resolved, for the report
     * @param observer         sees members' persisted and applied state (safety checkers); may be {@link MemberObserver#NONE}
     * @param progress         hears progress between chunks
     */
    public record Options(Path outDir, String reproduceCommand, String scenarioText, MemberObserver observer,
            ProgressListener progress) {
        public static Options inMemory() {
            return new Options(null, "", "", MemberObserver.NONE, ProgressListener.NONE);
        }
    }

    private Runner() {
    }

    /**
     * Called once the run is assembled (cluster started, load and faults scheduled) and before the
     * simulation runs: a measurement that needs events of its own schedules them here (they go into
     * the fingerprint like any other event).
     */
    @FunctionalInterface
    public interface AssemblyHook {
        AssemblyHook NONE = (sim, recorder) -> { };

        void assembled(Simulation sim, Recorder recorder);
    }

    public static RunResult run(Scenario s, Options options) throws IOException {
        return run(s, options, AssemblyHook.NONE);
    }

    public static RunResult run(Scenario s, Options options, AssemblyHook hook) throws IOException {
        long wallStart = System.nanoTime();
        Simulation sim = new Simulation();
        Recorder recorder = new Recorder(sim, s.metricsWindowNanos(), 16_384, 1_000_000);
        recorder.start();
        RunOutputs outputs = options.outDir() == null ? null : new RunOutputs(options.outDir());
        try {
            WorkloadSpec w = s.workload();
            int loadClients = loadClients(w.arrival());
            int candidates = w.controlPlane() == null ? 0 : w.controlPlane().candidates();
            SimulatedCluster cluster = new SimulatedCluster(s, sim, recorder,
                    id -> outputs == null || !s.outputs().memberLogs() ? line -> { } : outputs.memberLog(id), options.observer(),
                    loadClients + candidates);
            History history = s.outputs().history() ? new History(2_000_000) : null;
            List<KvClient> clients = new ArrayList<>();
            List<Integer> endpoints = s.cluster().members().stream().map(MemberSpec::id).toList();
            ClientConfig config = new ClientConfig(endpoints, s.client().requestTimeoutNanos(), s.client().attemptTimeoutNanos(),
                    s.client().retry(), s.client().maxRetries());
            for (int c = 0; c < loadClients + candidates; c++) {
                int id = SimulatedCluster.FIRST_CLIENT_ID + c;
                // the control plane's key is written by lease-bound transactions and removed by lease expiry,
                // which a register model cannot follow: only the generic load goes into the history
                History recorded = c < loadClients ? history : null;
                clients.add(new KvClient(id, config, sim, cluster.network(), cluster.random().stream("client/" + id),
                        recorder, recorded));
            }
            cluster.start();
            long end = s.durationNanos();
            new WorkloadDriver(sim, w, clients.subList(0, loadClients), cluster.random().stream("workload"), end)
                    .start(s.warmupNanos());
            if (w.controlPlane() != null) {
                new ControlPlaneElection(sim, w.controlPlane(), clients.subList(loadClients, clients.size()), end)
                        .start(s.warmupNanos());
            }
            new FaultInjector(cluster, end).schedule(s.faults());
            hook.assembled(sim, recorder);
            runWithProgress(sim, end, wallStart, options.progress());
            recorder.closePartialWindow();
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            String fingerprint = sim.fingerprint().hex();
            Path report = null;
            Path dir = null;
            if (outputs != null) {
                RunRecord record = record(s, cluster, recorder, fingerprint, wallSeconds, sim.dispatchedEvents(), options);
                dir = outputs.publish(record, s.outputs().report(), history);
                report = s.outputs().report() ? dir.resolve("report.html") : null;
            }
            return new RunResult(s, fingerprint, sim.dispatchedEvents(), wallSeconds, recorder, history, dir, report);
        } finally {
            if (outputs != null) {
                outputs.close();
            }
        }
    }

    private static int loadClients(WorkloadSpec.Arrival arrival) {
        if (arrival instanceof WorkloadSpec.Arrival.ClosedLoop c) {
            return c.clients();
        }
        if (arrival instanceof WorkloadSpec.Arrival.OpenLoop o) {
            return o.clients();
        }
        return 0;
    }

    private static void runWithProgress(Simulation sim, long end, long wallStart, ProgressListener progress) {
        long chunk = Math.min(end, 1_000_000_000L);
        long lastReport = wallStart;
        while (sim.nowNanos() < end) {
            long chunkStart = System.nanoTime();
            sim.runUntil(Math.min(end, sim.nowNanos() + chunk));
            long now = System.nanoTime();
            // aim for chunks of about a tenth of the report interval, whatever the speed
            long took = Math.max(1, now - chunkStart);
            chunk = Math.max(1_000_000L, Math.min(3_600_000_000_000L, chunk * (PROGRESS_EVERY_WALL_NANOS / 10) / took));
            if (now - lastReport >= PROGRESS_EVERY_WALL_NANOS || sim.nowNanos() >= end) {
                progress.progress(sim.nowNanos(), end, (now - wallStart) / 1e9, sim.dispatchedEvents());
                lastReport = now;
            }
        }
    }

    private static RunRecord record(Scenario s, SimulatedCluster cluster, Recorder recorder, String fingerprint,
            double wallSeconds, long events, Options options) {
        SortedMap<String, String> settings = new TreeMap<>();
        settings.put(RunRecord.HEARTBEAT_INTERVAL, millis(s.cluster().raft().heartbeatIntervalNanos()));
        settings.put(RunRecord.ELECTION_TIMEOUT, millis(s.cluster().raft().electionTimeoutNanos()));
        settings.put("pre-vote", Boolean.toString(s.cluster().raft().preVote()));
        settings.put("cluster-size", Integer.toString(s.cluster().size()));
        settings.put("duration", millis(s.durationNanos()));
        SortedMap<Integer, String> walDevices = new TreeMap<>();
        List<Integer> ids = new ArrayList<>();
        for (MemberSpec m : s.cluster().members()) {
            ids.add(m.id());
            walDevices.put(m.id(), m.walDevice());
            settings.put("n" + m.id() + " wal-disk", m.walDevice() + " (" + s.devices().get(m.walDevice()).disk().model() + ")");
        }
        return new RunRecord(s.name(), s.description(), s.seed(), fingerprint, s.durationNanos(), wallSeconds, events,
                options.scenarioText(), options.reproduceCommand(), settings, ids, walDevices, recorder);
    }

    private static String millis(long nanos) {
        return io.stormglass.scenario.units.Units.formatDuration(nanos);
    }
}
