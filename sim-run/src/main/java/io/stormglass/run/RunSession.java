package io.stormglass.run;

import io.stormglass.disk.trace.IoObserver;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.event.SimulationException;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.MemberObservers;
import io.stormglass.raft.client.ClientHost;
import io.stormglass.raft.client.EndpointSync;
import io.stormglass.raft.client.History;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.server.Member;
import io.stormglass.report.RaftTimeouts;
import io.stormglass.report.RunRecord;
import io.stormglass.run.explore.ExplorerRecording;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.run.verdict.RunChecks;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.units.Units;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One run, driven step by step: {@link #start} assembles the cluster, the load and the checks;
 * {@link #runUntil} and {@link #inject} advance it and put faults on it; {@link #finish} runs to
 * the end (then, with checks, heals every fault, runs the liveness phase and lets client calls
 * drain), checks, and writes the run's folder. {@link Runner#run} drives a session through a
 * scenario's fault timeline; a stateful property test drives one fault at a time, checking the
 * invariants between steps, and produces the same events as the scenario it prints.
 *
 * <p>The simulation runs in chunks only so that progress can be reported between them; the chunk
 * boundaries are decided by the wall clock but change nothing inside the simulation (no event is
 * added, moved or reordered), so the fingerprint is the same however fast the machine is.
 */
public final class RunSession implements AutoCloseable {
    /** Wall-clock time between progress reports, in nanoseconds. */
    private static final long PROGRESS_EVERY_WALL_NANOS = 250_000_000L;
    /** After the liveness phase, time for every client call still open to reach its deadline. */
    private static final long DRAIN_SLACK_NANOS = 1_000_000_000L;
    /**
     * Rows a metric series keeps before it coarsens: a simulated day at the default 10 s window. A
     * row costs 8 bytes per column and the incident records about 1 300 columns (a latency series
     * takes seven), so the recorder stays under ~90 MB for any duration, and the report of a run of
     * up to a day reads its metrics at their own window (issue 23: a 7-day run in 512 MB of heap).
     */
    private static final int METRIC_ROWS = 8_640;

    private final Scenario scenario;
    private final Runner.Options options;
    private final long wallStart;
    private final Simulation sim = new Simulation();
    private final Recorder recorder;
    private final RunOutputs outputs;
    private final ExplorerRecording explorer;
    private final SimulatedCluster cluster;
    private final History history;
    private final RunChecks checks;
    private final FaultInjector injector;
    private final WorkloadDriver load;
    private final List<KvClient> probes = new ArrayList<>();
    private final List<KvClient> clients = new ArrayList<>();
    private final List<FaultSpec> injected = new ArrayList<>();
    private String panic;
    private long lastProgressWall;
    private long chunkNanos = 1_000_000_000L;
    private boolean finished;

    private RunSession(Scenario s, Runner.Options options, Runner.AssemblyHook hook, RunOutputs outputs) {
        this.scenario = s;
        this.options = options;
        this.wallStart = options.wallClock().nanos();
        this.lastProgressWall = wallStart;
        this.recorder = new Recorder(sim, s.metricsWindowNanos(), METRIC_ROWS, 1_000_000);
        recorder.start();
        this.outputs = outputs;
        WorkloadSpec w = s.workload();
        int loadClients = WorkloadDriver.connections(w);
        int candidates = w.controlPlane() == null ? 0 : w.controlPlane().candidates();
        int size = s.cluster().size();
        List<Integer> ids = s.cluster().members().stream().map(MemberSpec::id).toList();
        this.checks = s.checks().any() ? new RunChecks(s.checks(), sim, ids) : null;
        int probeClients = checks != null && s.checks().livenessBoundNanos() > 0 ? size : 0;
        int watchClients = w.watchers() == null ? 0 : w.watchers().connections();
        int apiservers = w.kubernetes() == null ? 0 : w.kubernetes().apiservers();
        // the explorer's recording only listens: with or without it the run is the same, event for event
        this.explorer = outputs != null && s.outputs().report() ? new ExplorerRecording(sim, size) : null;
        MemberObserver observer = checks == null ? options.observer() : checks.observer(options.observer());
        this.cluster = new SimulatedCluster(s, sim, recorder,
                id -> outputs == null || !s.outputs().memberLogs() ? line -> { } : outputs.memberLog(id),
                explorer == null ? observer : MemberObservers.both(observer, explorer), loadClients + candidates + probeClients + watchClients + apiservers,
                explorer == null ? IoObserver.NONE : explorer);
        this.history = s.outputs().history() || (checks != null && s.checks().linearizability()) ? new History(2_000_000) : null;
        ClientConfig config = new ClientConfig(ids, s.client().requestTimeoutNanos(), s.client().attemptTimeoutNanos(),
                s.client().retry(), s.client().maxRetries());
        // the load generator's machine, shared by every load connection (null: calls cost no client CPU)
        ClientHost loadHost = s.client().cpu().modelled() ? new ClientHost(sim, "load-generator", s.client().cpu()) : null;
        // the liveness probes know every member's endpoint, spares included (members that join are checked too)
        ClientConfig probeConfig = new ClientConfig(s.cluster().allMembers().stream().map(MemberSpec::id).toList(),
                s.client().requestTimeoutNanos(), s.client().attemptTimeoutNanos(), s.client().retry(), s.client().maxRetries());
        for (int c = 0; c < loadClients + candidates + probeClients; c++) {
            int id = SimulatedCluster.FIRST_CLIENT_ID + c;
            // the control plane's key is written by lease-bound transactions and removed by lease expiry,
            // which a register model cannot follow: only the generic load (and the probes) go into the history
            History recorded = c < loadClients || c >= loadClients + candidates ? history : null;
            clients.add(new KvClient(id, c >= loadClients + candidates ? probeConfig : config, sim, cluster.network(),
                    cluster.random().stream("client/" + id), recorder, recorded, c < loadClients ? loadHost : null));
        }
        probes.addAll(clients.subList(loadClients + candidates, clients.size()));
        List<KvClient> watchers = new ArrayList<>();
        for (int c = 0; c < watchClients + apiservers; c++) {
            int id = SimulatedCluster.FIRST_CLIENT_ID + loadClients + candidates + probeClients + c;
            KvClient watcher = new KvClient(id, config, sim, cluster.network(), cluster.random().stream("client/" + id), recorder, null);
            if (checks != null) {
                watcher.observeWatches(checks.watchObserver());
            }
            watchers.add(watcher);
        }
        cluster.start();
        long end = s.durationNanos();
        WorkloadDriver.WriteAcks acks = checks == null ? WorkloadDriver.WriteAcks.NONE : checks::writeAcknowledged;
        WorkloadDriver.RevisionReads reads = checks == null ? WorkloadDriver.RevisionReads.NONE : checks::rangeAtRevision;
        this.load = new WorkloadDriver(sim, w, clients.subList(0, loadClients), cluster.random().stream("workload"), end, acks, reads);
        load.start(s.warmupNanos(), ids, () -> {
            io.stormglass.raft.server.Member leader = cluster.leader();
            return leader == null ? 0 : leader.id();
        });
        // clientv3's endpoint auto-sync, when the scenario asks for it: the load's and the control plane's connections
        // (the Kubernetes apiservers keep their --etcd-servers, the watchers their members)
        for (KvClient c : clients.subList(0, loadClients + candidates)) {
            EndpointSync.start(sim, c, w.shape().autoSyncIntervalNanos(), end);
        }
        if (w.watchers() != null) {
            new WatchFleet(sim, w, watchers.subList(0, watchClients), m -> cluster.member(m).isUp(), recorder)
                    .start(s.warmupNanos(), ids);
        }
        if (w.kubernetes() != null) {
            new KubernetesLoad(sim, w.kubernetes(), watchers.subList(watchClients, watchers.size()),
                    cluster.random().stream("workload/kubernetes"), end).start(s.warmupNanos(), ids, m -> cluster.member(m).isUp());
        }
        if (w.controlPlane() != null) {
            new ControlPlaneElection(sim, w.controlPlane(), clients.subList(loadClients, loadClients + candidates), end)
                    .start(s.warmupNanos());
        }
        this.injector = new FaultInjector(cluster, end, checks == null ? FaultInjector.CrashListener.NONE
                : new FaultInjector.CrashListener() {
                    @Override
                    public void crashed(int member) {
                        checks.crashed();
                    }

                    @Override
                    public void bootFailed(int member, String reason) {
                        checks.bootFailed(member, reason);
                    }
                });
        hook.assembled(sim, recorder);
    }

    /** Assembles a run of {@code s} with none of its faults injected yet, at simulated time 0. */
    public static RunSession start(Scenario s, Runner.Options options, Runner.AssemblyHook hook) throws IOException {
        RunOutputs outputs = options.outDir() == null ? null : new RunOutputs(options.outDir(), options.reproduceCommand());
        try {
            return new RunSession(s, options, hook, outputs);
        } catch (RuntimeException | Error e) {
            // the caller never gets a session to close: remove the staging folder here
            if (outputs != null) {
                outputs.close();
            }
            throw e;
        }
    }

    public static RunSession start(Scenario s, Runner.Options options) throws IOException {
        return start(s, options, Runner.AssemblyHook.NONE);
    }

    public Scenario scenario() {
        return scenario;
    }

    public long nowNanos() {
        return sim.nowNanos();
    }

    /**
     * Runs the simulation up to {@code nanos} (at most the scenario's duration), reporting
     * progress. Stops early, for good, if a member's code throws while checks are on (recorded as
     * the run's panic); without checks the exception propagates.
     */
    public void runUntil(long nanos) {
        long target = Math.min(nanos, scenario.durationNanos());
        runTo(target);
    }

    /**
     * Puts {@code fault} on the timeline now; it must not start before now. Faults injected in
     * start order reproduce a scenario listing them in that order.
     */
    public void inject(FaultSpec fault) {
        if (fault.timing().atNanos() < sim.nowNanos()) {
            throw new IllegalArgumentException("fault at " + Units.formatDuration(fault.timing().atNanos())
                    + " is before now (" + Units.formatDuration(sim.nowNanos()) + ")");
        }
        injected.add(fault);
        if (panic == null) {
            injector.inject(fault);
        }
    }

    /** The scenario this session has run so far: its base with the faults injected until now. */
    /** The member leading now (as the cluster sees it: up and leader of the highest term), or 0 if none: for nemeses aimed at the leader. */
    public int leaderSoFar() {
        Member leader = cluster.leader();
        return leader == null ? 0 : leader.id();
    }

    public Scenario scenarioSoFar() {
        return scenario.withFaults(injected);
    }

    /**
     * The fingerprint of the events dispatched so far: a measurement that stops a session early (it
     * has what it came for) and never calls {@link #finish} still has a replay check.
     */
    public String fingerprintSoFar() {
        return sim.fingerprint().hex();
    }

    /** Safety violations and boot failures seen so far (empty without checks). */
    public List<String> problemsSoFar() {
        List<String> problems = checks == null ? new ArrayList<>() : checks.problemsSoFar();
        if (panic != null) {
            problems.add("panic: " + panic);
        }
        return problems;
    }

    /**
     * Runs to the end of the scenario; with checks, heals every fault, runs the liveness phase
     * and the drain, and checks; then writes the run's folder (if asked). Call once.
     */
    public RunResult finish() throws IOException {
        if (finished) {
            throw new IllegalStateException("the session is finished");
        }
        finished = true;
        runTo(scenario.durationNanos());
        CheckReport report = null;
        if (checks != null) {
            long liveness = CheckReport.LIVENESS_NOT_CHECKED;
            if (panic == null) {
                injector.healAll();
                long healedAt = sim.nowNanos();
                if (scenario.checks().livenessBoundNanos() > 0) {
                    liveness = guard(() -> new LivenessProbe(sim, cluster, probes, checks::writeAcknowledged)
                            .await(scenario.checks().livenessBoundNanos()), CheckReport.LIVENESS_FAILED);
                }
                long drainUntil = healedAt + scenario.client().requestTimeoutNanos() + DRAIN_SLACK_NANOS;
                guard(() -> {
                    sim.runUntil(Math.max(sim.nowNanos(), drainUntil));
                    return 0L;
                }, 0L);
            }
            clients.forEach(KvClient::recordUnfinished);
            report = checks.report(history, panic, liveness, LivenessProbe.memberStates(cluster));
        }
        clients.forEach(KvClient::recordUnfinished);
        recorder.closePartialWindow();
        double wallSeconds = (options.wallClock().nanos() - wallStart) / 1e9;
        String fingerprint = sim.fingerprint().hex();
        Path dir = null;
        Path page = null;
        if (outputs != null) {
            RunRecord record = record(fingerprint, wallSeconds);
            dir = outputs.publish(record, scenario.outputs().report(), scenario.outputs().history() ? history : null, report,
                    explorer == null ? null : explorer.trace());
            page = scenario.outputs().report() ? dir.resolve("report.html") : null;
        }
        return new RunResult(scenario, fingerprint, sim.dispatchedEvents(), wallSeconds, recorder, history, dir, page, report,
                load.summary());
    }

    @Override
    public void close() throws IOException {
        if (outputs != null) {
            outputs.close();
        }
    }

    private void runTo(long target) {
        while (sim.nowNanos() < target && panic == null) {
            long chunkStart = options.wallClock().nanos();
            guard(() -> {
                sim.runUntil(Math.min(target, sim.nowNanos() + chunkNanos));
                return 0L;
            }, 0L);
            long now = options.wallClock().nanos();
            // aim for chunks of about a tenth of the report interval, whatever the speed
            long took = Math.max(1, now - chunkStart);
            chunkNanos = Math.max(1_000_000L, Math.min(3_600_000_000_000L, chunkNanos * (PROGRESS_EVERY_WALL_NANOS / 10) / took));
            if (now - lastProgressWall >= PROGRESS_EVERY_WALL_NANOS || sim.nowNanos() >= scenario.durationNanos()) {
                options.progress().progress(sim.nowNanos(), scenario.durationNanos(), (now - wallStart) / 1e9, sim.dispatchedEvents());
                lastProgressWall = now;
            }
        }
    }

    /** Runs {@code step}; with checks on, a member's exception ends the run as its panic instead of propagating. */
    private long guard(java.util.function.LongSupplier step, long onPanic) {
        try {
            return step.getAsLong();
        } catch (SimulationException e) {
            if (e.getCause() instanceof VirtualMachineError vm) {
                // out of memory or stack: the simulator failed, not the members; never a panic of the system under test
                throw vm;
            }
            if (checks == null) {
                throw e;
            }
            panic = e.getMessage() + (e.getCause() != null ? " (" + e.getCause() + ")" : "");
            return onPanic;
        }
    }

    private RunRecord record(String fingerprint, double wallSeconds) {
        Scenario s = scenario;
        SortedMap<String, String> settings = new TreeMap<>();
        settings.put("pre-vote", Boolean.toString(s.cluster().raft().preVote()));
        settings.put("cluster-size", Integer.toString(s.cluster().size()));
        settings.put("duration", Units.formatDuration(s.durationNanos()));
        SortedMap<Integer, String> walDevices = new TreeMap<>();
        List<Integer> ids = new ArrayList<>();
        for (MemberSpec m : s.cluster().members()) {
            ids.add(m.id());
            walDevices.put(m.id(), m.walDevice());
            settings.put("n" + m.id() + " wal-disk", m.walDevice() + " (" + s.devices().get(m.walDevice()).disk().model() + ")");
        }
        return new RunRecord(s.name(), s.description(), s.seed(), fingerprint, s.durationNanos(), wallSeconds,
                sim.dispatchedEvents(), options.scenarioText(), options.reproduceCommand(), timeouts(s), settings, ids, walDevices, recorder);
    }

    /** The members' Raft timers as the report reads them. */
    public static RaftTimeouts timeouts(Scenario s) {
        return new RaftTimeouts(s.cluster().raft().heartbeatIntervalNanos(), s.cluster().raft().electionTimeoutNanos());
    }
}
