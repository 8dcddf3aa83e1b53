package io.stormglass.run;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.DiskModels;
import io.stormglass.disk.fault.FaultyDevice;
import io.stormglass.disk.model.FsJournal;
import io.stormglass.disk.neighbour.Neighbour;
import io.stormglass.disk.neighbour.Neighbours;
import io.stormglass.disk.trace.IoObserver;
import io.stormglass.disk.trace.ObservedDevice;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.exec.TimerWakeup;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.net.Network;
import io.stormglass.net.Placement;
import io.stormglass.net.Topology;
import io.stormglass.net.clock.LocalScheduler;
import io.stormglass.net.clock.NodeClock;
import io.stormglass.raft.server.Flavour;
import io.stormglass.raft.server.Member;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberEnvironment;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.Wire;
import io.stormglass.raft.server.WireTraits;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.model.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Everything one run simulates, assembled from a {@link Scenario}: the devices (each wrapped so
 * that faults can be switched on) with their neighbours, a file system per member directory on
 * its device, the members' clocks, the network, and the members. The composition root: the only
 * place that knows all the models.
 */
public final class SimulatedCluster {
    /** Each file system gets its own 64 GiB region of its device, so that directories do not overlap. */
    private static final long REGION_BYTES = 64L << 30;
    /** Client node ids start here (members are 1..n). */
    public static final int FIRST_CLIENT_ID = 1001;

    final Scenario scenario;
    final Simulation sim;
    final RandomStreams random;
    final Recorder recorder;
    final Network<Wire> network;
    final SortedMap<String, FaultyDevice> devices = new TreeMap<>();
    final List<Neighbour> neighbours = new ArrayList<>();
    final List<Member> members = new ArrayList<>();
    final Map<Integer, NodeClock> clocks = new TreeMap<>();
    final Map<Integer, List<SimFileSystem>> fileSystems = new TreeMap<>();
    final DiskEnv diskEnv;
    /** Members the operator removed from the cluster (member-remove, member-replace). */
    final java.util.SortedSet<Integer> retired = new java.util.TreeSet<>();

    /**
     * @param logSinks the etcd-style log sink of each member (by id)
     * @param observer sees every member's persisted and applied state (checkers)
     * @param clients  number of client nodes to place on the network
     * @param io       sees every request to every device ({@link IoObserver#NONE}: devices are not wrapped)
     */
    public SimulatedCluster(Scenario scenario, Simulation sim, Recorder recorder, IntFunction<Consumer<String>> logSinks,
            MemberObserver observer, int clients, IoObserver io) {
        this.scenario = scenario;
        this.sim = sim;
        this.recorder = recorder;
        this.random = new RandomStreams(scenario.seed());
        this.diskEnv = new DiskEnv(sim, random, recorder);
        DiskModels models = new DiskModels(diskEnv);
        for (DeviceSpec spec : scenario.devices().values()) {
            // the members' directories sit on a journaling file system: each fdatasync commits its metadata
            FaultyDevice device = new FaultyDevice(ObservedDevice.wrap(
                    models.createVolume(spec.name(), spec.disk(), FsJournal.Options.ext4()), sim, io), diskEnv);
            devices.put(spec.name(), device);
            for (DeviceSpec.NamedNeighbour n : spec.neighbours()) {
                neighbours.add(Neighbours.create(n.name(), n.spec(), device, diskEnv));
            }
        }
        this.network = Network.builder(sim, random, recorder, new WireTraits())
                .topology(topology(scenario, clients))
                .options(scenario.network().options())
                .build();
        Map<String, Long> nextRegion = new TreeMap<>();
        List<Integer> peers = scenario.cluster().members().stream().map(MemberSpec::id).toList();
        // spares get their disks, clock and endpoint now; their config names the initial cluster, which they are not in
        for (MemberSpec m : scenario.cluster().allMembers()) {
            NodeClock clock = new NodeClock(sim, m.clock());
            clocks.put(m.id(), clock);
            SimFileSystem walFs = fileSystem(m.walDevice(), "n" + m.id() + "/wal", nextRegion);
            // wal-dir and data-dir are separate directories even on one device: separate file systems
            SimFileSystem dataFs = fileSystem(m.dataDevice(), "n" + m.id() + "/data", nextRegion);
            fileSystems.put(m.id(), List.of(walFs, dataFs));
            MemberConfig config = memberConfig(m.id(), peers, scenario.cluster().raft(), scenario.cluster().mvcc());
            MemberEnvironment env = new MemberEnvironment(sim, clock, new LocalScheduler(sim, clock),
                    recorder, network, walFs, dataFs, random, logSinks.apply(m.id()), observer);
            members.add(new Member(config, env));
        }
    }

    /** Starts the neighbours and every member of the initial cluster (spares start when they are added). */
    public void start() {
        neighbours.forEach(Neighbour::start);
        members.stream().filter(m -> m.config().initialMember()).forEach(Member::start);
    }

    public Member member(int id) {
        return members.get(id - 1);
    }

    public List<Member> members() {
        return members;
    }

    /**
     * The members that belong to the cluster now, up or down: those named by the configuration of the up member
     * that has applied the most (a removed member never counts; a member added but not yet started does). While
     * no member is up: every member started at least once, not stopped by its own removal nor removed by the
     * operator.
     */
    public List<Member> activeMembers() {
        Member best = null;
        for (Member m : members) {
            if (m.isUp() && !m.configuration().members().isEmpty() && (best == null || m.appliedIndex() > best.appliedIndex())) {
                best = m;
            }
        }
        if (best == null) {
            return members.stream().filter(m -> m.hasStarted() && !m.removed() && !retired.contains(m.id())).toList();
        }
        List<Long> ids = best.configuration().members();
        return members.stream().filter(m -> ids.contains((long) m.id())).toList();
    }

    public Network<Wire> network() {
        return network;
    }

    public RandomStreams random() {
        return random;
    }

    /** The member that is leader now, or null. */
    public Member leader() {
        for (Member m : members) {
            if (m.isUp() && m.isLeader()) {
                return m;
            }
        }
        return null;
    }

    private SimFileSystem fileSystem(String deviceName, String issuer, Map<String, Long> nextRegion) {
        FaultyDevice device = devices.get(deviceName);
        if (device == null) {
            throw new IllegalArgumentException("no device named " + deviceName);
        }
        long region = nextRegion.merge(deviceName, REGION_BYTES, Long::sum) - REGION_BYTES;
        return new SimFileSystem(sim, device, random.stream("fs/" + issuer), issuer, region, REGION_BYTES,
                64L << 20, REGION_BYTES);
    }

    static MemberConfig memberConfig(int id, List<Integer> peers, RaftSpec r, io.stormglass.raft.server.MvccOptions mvcc) {
        return new MemberConfig(id, peers, r.heartbeatIntervalNanos(), r.electionTimeoutNanos(), r.preVote(), r.checkQuorum(),
                r.snapshotCount(), r.snapshotCatchUpEntries(), r.maxInflightMsgs(), r.maxSizePerMsgBytes(),
                r.backendBatchIntervalNanos(), r.backendBatchLimit(), r.cpu(), r.readOnlyOption(),
                r.leaseDriftBoundPpm(), r.tickIntervalNanos(), r.electionTimeoutMaxNanos(), r.flavour(), r.strictReconfigCheck(),
                mvcc, r.flavour() == Flavour.PLAIN_RAFT ? TimerWakeup.linux(r.timerSlackNanos()) : TimerWakeup.EXACT);
    }

    /**
     * Members where the scenario places them, each client beside the member it talks to first;
     * links between unplaced nodes (and, if set, between clients and members) as the scenario's
     * links say.
     */
    private static Topology topology(Scenario s, int clients) {
        NetworkSpec net = s.network();
        Topology.Builder b = Topology.builder().linkTemplate(net.defaultLink());
        List<Integer> unplaced = new ArrayList<>();
        int size = s.cluster().size();
        for (MemberSpec m : s.cluster().allMembers()) {
            if (m.placement().equals(Placement.local())) {
                unplaced.add(m.id());
            } else {
                b.place(m.id(), m.placement().region(), m.placement().zone(), m.placement().rack());
            }
        }
        List<Integer> clientIds = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = FIRST_CLIENT_ID + c;
            clientIds.add(id);
            MemberSpec home = s.cluster().members().get(Math.floorMod(id, size));
            if (home.placement().equals(Placement.local())) {
                unplaced.add(id);
            } else {
                b.place(id, home.placement().region(), home.placement().zone(), home.placement().rack());
            }
        }
        for (int x : unplaced) {
            for (int y : unplaced) {
                if (x != y) {
                    b.link(x, y, net.defaultLink());
                }
            }
        }
        for (NetworkSpec.RegionRtt rtt : net.regionRtts()) {
            b.regionRttMs(rtt.regionA(), rtt.regionB(), rtt.rttMs());
        }
        if (net.clientLink() != null) {
            for (int c : clientIds) {
                for (MemberSpec m : s.cluster().allMembers()) {
                    b.linkBothWays(c, m.id(), net.clientLink());
                }
            }
        }
        for (NetworkSpec.LinkOverride o : net.overrides()) {
            if (o.bothWays()) {
                b.linkBothWays(o.from(), o.to(), o.link());
            } else {
                b.link(o.from(), o.to(), o.link());
            }
        }
        return b.build();
    }
}
