package io.stormglass.raft.check.safety;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.History;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.raft.server.Member;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Real members on {@link FaultyDisk}s (one for {@code wal-dir}, one for {@code data-dir}) and a
 * {@link FaultyNetwork}, watched by a {@link SafetyMonitor}, with the fault actions of a schedule
 * applied at their times. Member crashes are power losses: the process dies and both file systems
 * lose (or tear, or corrupt) what was not synced, as the action's crash mode says.
 */
final class SafetyCluster {
    private static final EventKind FAULT = EventKind.named("test.fault");

    final ClusterSetup setup;
    final Simulation sim = new Simulation();
    final Recorder recorder = new Recorder(sim);
    final RandomStreams random;
    final FaultyNetwork network;
    final SafetyMonitor monitor;
    final History history = new History(1_000_000);
    final List<Member> members = new ArrayList<>();
    final List<FaultyDisk> walDisks = new ArrayList<>();
    final List<FaultyDisk> dataDisks = new ArrayList<>();
    final List<SimFileSystem> walFs = new ArrayList<>();
    final List<SimFileSystem> dataFs = new ArrayList<>();
    final List<String> bootFailures = new ArrayList<>();
    private final long[] downUntilNanos;
    private int crashes;
    private int restarts;

    SafetyCluster(ClusterSetup setup) {
        this.setup = setup;
        this.random = new RandomStreams(setup.seed());
        this.network = new FaultyNetwork(sim, random.stream("test/net"));
        List<Integer> peers = IntStream.rangeClosed(1, setup.size()).boxed().toList();
        this.monitor = new SafetyMonitor(sim, peers);
        this.downUntilNanos = new long[setup.size() + 1];
        recorder.start();
        long flush = setup.flushMicros() * 1_000L;
        for (int id : peers) {
            FaultyDisk wal = new FaultyDisk(sim, "wal/n" + id, 20_000, flush);
            FaultyDisk data = new FaultyDisk(sim, "data/n" + id, 20_000, flush);
            SimFileSystem wfs = new SimFileSystem(sim, wal, random.stream("fs/n" + id), "n" + id + "/wal");
            SimFileSystem dfs = new SimFileSystem(sim, data, random.stream("fs/n" + id + "/data"), "n" + id + "/data");
            MemberEnvironment env = new MemberEnvironment(sim, sim, sim, recorder, network, wfs, dfs,
                    random, line -> { }, monitor);
            MemberConfig config = MemberConfig.etcdDefaults(id, peers)
                    .withTimeouts(ClusterSetup.HEARTBEAT_NANOS, ClusterSetup.ELECTION_NANOS)
                    .withCpu(CpuCosts.defaults());
            if (setup.smallSnapshots()) {
                config = config.withSnapshots(20, 5);
            }
            config = new MemberConfig(config.id(), config.peers(), config.heartbeatIntervalNanos(), config.electionTimeoutNanos(),
                    setup.preVote(), config.checkQuorum(), config.snapshotCount(), config.snapshotCatchUpEntries(),
                    config.maxInflightMsgs(), config.maxSizePerMsgBytes(), config.backendBatchIntervalNanos(),
                    config.backendBatchLimit(), config.cpu());
            walDisks.add(wal);
            dataDisks.add(data);
            walFs.add(wfs);
            dataFs.add(dfs);
            members.add(new Member(config, env));
        }
    }

    void startAll() {
        members.forEach(Member::start);
    }

    Member member(int id) {
        return members.get(id - 1);
    }

    int crashes() {
        return crashes;
    }

    int restarts() {
        return restarts;
    }

    /** A client on every member, with short timeouts so that a run's calls all end soon after its workload stops. */
    KvClient client(int nodeId) {
        List<Integer> endpoints = IntStream.rangeClosed(1, setup.size()).boxed().toList();
        ClientConfig config = new ClientConfig(endpoints, 2_000_000_000L, 500_000_000L,
                new RetryPolicy.Exponential(50_000_000L, 500_000_000L, 0.2), 3);
        return new KvClient(nodeId, config, sim, network, random.stream("client/" + nodeId), recorder, history);
    }

    /** Schedules every action of the schedule: its start and, for all but crashes, its end. */
    void schedule(List<FaultAction> actions) {
        for (FaultAction a : actions) {
            sim.scheduleAt(a.atNanos(), FAULT, a.kind().ordinal(), () -> begin(a));
        }
    }

    private void begin(FaultAction a) {
        int size = setup.size();
        long end = a.forNanos();
        switch (a.kind()) {
            case CRASH -> crash(a.member(size), a);
            case PARTITION, ONE_WAY, FLAPPING -> {
                long period = a.kind() == FaultAction.Kind.FLAPPING ? a.flappingPeriodMs() * 1_000_000L : 0;
                FaultyNetwork.Cut cut = new FaultyNetwork.Cut(a.side(size), a.kind() == FaultAction.Kind.ONE_WAY, period,
                        sim.nowNanos());
                network.addCut(cut);
                sim.schedule(end, FAULT, 100, () -> network.removeCut(cut));
            }
            case DISK_STALL -> walDisks.get(a.member(size) - 1).stallUntil(sim.nowNanos() + end);
            case DISK_SLOW -> {
                FaultyDisk d = walDisks.get(a.member(size) - 1);
                d.addSlowFactor(a.slowFactor());
                sim.schedule(end, FAULT, 101, () -> d.removeSlowFactor(a.slowFactor()));
            }
            case DROP -> {
                network.addDrop(a.ratePercent());
                sim.schedule(end, FAULT, 102, () -> network.removeDrop(a.ratePercent()));
            }
            case DUPLICATE -> {
                network.addDuplicate(a.ratePercent());
                sim.schedule(end, FAULT, 103, () -> network.removeDuplicate(a.ratePercent()));
            }
            case DELAY -> {
                network.addDelay(a.delayMaxMs());
                sim.schedule(end, FAULT, 104, () -> network.removeDelay(a.delayMaxMs()));
            }
        }
    }

    private void crash(int id, FaultAction a) {
        Member m = member(id);
        downUntilNanos[id] = Math.max(downUntilNanos[id], sim.nowNanos() + a.forNanos());
        if (m.isUp()) {
            crashes++;
            m.crash("power loss (" + a.crashMode() + ")");
            walFs.get(id - 1).crash(a.crashMode());
            dataFs.get(id - 1).crash(a.crashMode());
        }
        sim.schedule(a.forNanos(), FAULT, 105, () -> {
            if (sim.nowNanos() >= downUntilNanos[id]) {
                restart(id);
            }
        });
    }

    private void restart(int id) {
        Member m = member(id);
        if (m.isUp()) {
            return;
        }
        restarts++;
        if (!m.start()) {
            bootFailures.add("n" + id + " at " + sim.nowNanos() / 1_000_000 + " ms: " + m.downReason());
        }
    }

    /** Ends every fault: the network and disks heal and every member that is down restarts. */
    void healAll() {
        network.heal();
        walDisks.forEach(FaultyDisk::heal);
        dataDisks.forEach(FaultyDisk::heal);
        for (int id = 1; id <= setup.size(); id++) {
            downUntilNanos[id] = 0;
            restart(id);
        }
    }
}
