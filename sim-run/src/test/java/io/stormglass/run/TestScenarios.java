package io.stormglass.run;

import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.net.LinkSpec;
import io.stormglass.net.NetworkOptions;
import io.stormglass.net.Placement;
import io.stormglass.net.clock.ClockOptions;
import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.raft.server.CpuCosts;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.ClusterSpec;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.model.OutputSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Scenarios built in code for runner tests (the library's YAML files are tested through the loader). */
final class TestScenarios {
    static final long S = 1_000_000_000L;

    private TestScenarios() {
    }

    static RaftSpec etcdDefaults() {
        return new RaftSpec(100_000_000L, 1_000_000_000L, true, true, 10_000, 5_000, 512, 1 << 20, 100_000_000L, 10_000,
                CpuCosts.defaults());
    }

    /** Three members, each on its own device of the given spec, with an optional Prometheus neighbour per device. */
    static Scenario threeMembers(String name, DiskSpec disk, PrometheusNeighbour.Options prometheus, long durationNanos,
            List<FaultSpec> faults, boolean history) {
        SortedMap<String, DeviceSpec> devices = new TreeMap<>();
        List<MemberSpec> members = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            String dev = "vm-n" + id;
            List<DeviceSpec.NamedNeighbour> neighbours = prometheus == null ? List.of()
                    : List.of(new DeviceSpec.NamedNeighbour("prometheus-n" + id, prometheus));
            devices.put(dev, new DeviceSpec(dev, disk, neighbours));
            members.add(new MemberSpec(id, dev, dev, Placement.local(), ClockOptions.perfect()));
        }
        WorkloadSpec workload = new WorkloadSpec(new WorkloadSpec.Arrival.ClosedLoop(4, 20_000_000L),
                new WorkloadSpec.OpMix(0.3, 0.6, 0.1, 0, 0), new WorkloadSpec.KeySpace(100, 0), 100, 300,
                new WorkloadSpec.ControlPlane(3, 10 * S, 3 * S, S));
        return new Scenario(name, "test scenario " + name, name + ".yaml", 1, durationNanos, 5 * S, 10 * S,
                new ClusterSpec(etcdDefaults(), members), devices,
                new NetworkSpec(LinkSpec.constantMs(0.25), null, List.of(), List.of(), NetworkOptions.defaults()),
                workload, new ClientSpec(5 * S, 2 * S, new RetryPolicy.None(), 0), faults,
                new OutputSpec(null, true, true, history), io.stormglass.scenario.model.ChecksSpec.NONE);
    }

    static Scenario nvme(long durationNanos) {
        return threeMembers("nvme", NvmeDisk.Options.defaults(false), null, durationNanos, List.of(), true);
    }

    static Scenario cephPrometheus(long durationNanos, long series) {
        return threeMembers("ceph-prometheus", CephRbdDisk.Options.withIopsLimit(1000),
                PrometheusNeighbour.Options.defaults(series, 15), durationNanos, List.of(), false);
    }
}
