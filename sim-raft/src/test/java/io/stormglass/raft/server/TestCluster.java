package io.stormglass.raft.server;

import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.net.InstantTransport;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.client.ClientConfig;
import io.stormglass.raft.client.History;
import io.stormglass.raft.client.KvClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/** A cluster of real members on test devices and a zero-latency network, for member-level tests. */
final class TestCluster {
    final Simulation sim = new Simulation();
    final Recorder recorder;
    final RandomStreams random;
    final InstantTransport<Wire> transport;
    /** What members and clients send through: {@link #transport} behind a switchable partition. */
    final CuttableTransport<Wire> network;
    /** Each member's local clock (perfect until a test sets a drift); the member's raft ticker runs on it. */
    final List<DriftingClock> clocks = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final List<StallableDevice> devices = new ArrayList<>();
    /** The data-dir device of each member (backend and snapshots), separate from the WAL's. */
    final List<StallableDevice> dataDevices = new ArrayList<>();
    final List<SimFileSystem> fileSystems = new ArrayList<>();
    final List<SimFileSystem> dataFileSystems = new ArrayList<>();
    final List<List<String>> logs = new ArrayList<>();
    final History history = new History(1_000_000);

    TestCluster(int size, long seed, CpuCosts cpu, long flushNanos) {
        this(size, seed, cpu, flushNanos, UnaryOperator.identity());
    }

    /** @param configure adjusts each member's settings (etcd's defaults with {@code cpu}) */
    TestCluster(int size, long seed, CpuCosts cpu, long flushNanos, UnaryOperator<MemberConfig> configure) {
        this(size, 0, seed, cpu, flushNanos, configure);
    }

    /**
     * @param spares members {@code size+1 .. size+spares}: built with their own disks but not in the initial
     *               cluster and not started by {@link #startAll()} (they join through {@code member add})
     */
    TestCluster(int size, int spares, long seed, CpuCosts cpu, long flushNanos, UnaryOperator<MemberConfig> configure) {
        this(size, spares, seed, cpu, flushNanos, configure, MemberObserver.NONE);
    }

    /** @param observer watches every member (a test's oracle) */
    TestCluster(int size, int spares, long seed, CpuCosts cpu, long flushNanos, UnaryOperator<MemberConfig> configure,
            MemberObserver observer) {
        recorder = new Recorder(sim);
        recorder.start();
        random = new RandomStreams(seed);
        transport = new InstantTransport<>(sim);
        network = new CuttableTransport<>(transport);
        List<Integer> peers = IntStream.rangeClosed(1, size).boxed().toList();
        for (int id = 1; id <= size + spares; id++) {
            StallableDevice device = new StallableDevice(sim, 20_000, flushNanos);
            SimFileSystem fs = new SimFileSystem(sim, device, random.stream("fs/n" + id), "n" + id + "/wal");
            StallableDevice dataDevice = new StallableDevice(sim, 20_000, flushNanos);
            SimFileSystem dataFs = new SimFileSystem(sim, dataDevice, random.stream("fs/n" + id + "/data"), "n" + id + "/data");
            List<String> log = new ArrayList<>();
            DriftingClock clock = new DriftingClock(sim);
            clocks.add(clock);
            MemberEnvironment env = new MemberEnvironment(sim, clock, clock, recorder, network, fs, dataFs, random,
                    log::add, observer);
            devices.add(device);
            dataDevices.add(dataDevice);
            dataFileSystems.add(dataFs);
            fileSystems.add(fs);
            logs.add(log);
            members.add(new Member(configure.apply(MemberConfig.etcdDefaults(id, peers).withCpu(cpu)), env));
        }
    }

    void startAll() {
        members.stream().filter(m -> m.config().initialMember()).forEach(Member::start);
    }

    KvClient client(int nodeId, ClientConfig config) {
        return new KvClient(nodeId, config, sim, network, random.stream("client/" + nodeId), recorder, history);
    }

    DriftingClock clock(int id) {
        return clocks.get(id - 1);
    }

    Member member(int id) {
        return members.get(id - 1);
    }

    /** Runs until some member is leader (at most {@code maxNanos} more), returning it. */
    Member awaitLeader(long maxNanos) {
        long end = sim.nowNanos() + maxNanos;
        while (sim.nowNanos() < end) {
            sim.runFor(10_000_000L);
            for (Member m : members) {
                if (m.isUp() && m.isLeader()) {
                    return m;
                }
            }
        }
        throw new AssertionError("no leader within " + maxNanos / 1e9 + " s");
    }

    /** Process crash plus power loss on both of the member's disks. */
    void crash(int id, CrashMode mode) {
        member(id).crash("test crash");
        fileSystems.get(id - 1).crash(mode);
        dataFileSystems.get(id - 1).crash(mode);
    }

    long warnings(int id, String msg) {
        return logs.get(id - 1).stream().filter(l -> l.contains("\"level\":\"warn\"") && l.contains("\"msg\":\"" + msg + "\"")).count();
    }

    List<TimelineEvent.LeaderChanged> leaderChanges() {
        return recorder.timeline().eventsOf(TimelineEvent.LeaderChanged.class);
    }
}
