package io.stormglass.scenario.schema;

import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.scenario.model.ChecksSpec;
import io.stormglass.scenario.model.OutputSpec;
import io.stormglass.scenario.model.Scenario;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top level of a scenario file, {@code outputs:} and {@code checks:}; the root from which
 * every section of the schema is reached ({@link #SCENARIO}).
 */
public final class ScenarioSchema {
    private static final long S = 1_000_000_000L;

    private static final Section.Builder<OutputSpec> OU = Section.builder("outputs");
    public static final Key<OutputSpec, String> DIR = OU.key("dir", Types.TEXT, OutputSpec::dir, Default.text("`out/<name>-<seed>`"),
            "output folder");
    public static final Key<OutputSpec, Boolean> REPORT = OU.key("report", Types.BOOLEAN, OutputSpec::report, Default.of(true),
            "write `report.html` and the charts");
    public static final Key<OutputSpec, Boolean> MEMBER_LOGS = OU.key("member-logs", Types.BOOLEAN, OutputSpec::memberLogs,
            Default.of(true), "one etcd-style JSON log per member");
    public static final Key<OutputSpec, Boolean> HISTORY = OU.key("history", Types.BOOLEAN, OutputSpec::history, Default.of(false),
            "record the client history for `check-history`");
    private static final Section<OutputSpec> OUTPUTS = OU.build();

    private static final Section.Builder<ChecksSpec> CH = Section.builder("checks", ChecksSpec.ALL);
    public static final Key<ChecksSpec, Boolean> SAFETY = CH.key("safety", Types.BOOLEAN, ChecksSpec::safety,
            "the safety monitor on every member (election safety, log matching, leader completeness, state-machine safety, "
            + "durability)");
    public static final Key<ChecksSpec, Boolean> LINEARIZABILITY = CH.key("linearizability", Types.BOOLEAN, ChecksSpec::linearizability,
            "check the client history (recorded in memory whatever `outputs.history` says)");
    public static final Key<ChecksSpec, Long> LIVENESS = CH.key("liveness", Types.DURATION, ChecksSpec::livenessBoundNanos,
            "at `duration` every fault heals; a write must then be acknowledged "
            + "and applied by every member within this (`0s`: no liveness phase)");
    public static final Key<ChecksSpec, Long> LINEARIZABILITY_STEPS = CH.key("linearizability-steps", Types.longs(1_000, 10_000_000_000L),
            ChecksSpec::linearizabilitySteps, "the checker's search budget; past it the verdict is \"unknown\" (not a failure)");
    private static final Section<ChecksSpec> CHECKS = CH.build();

    private static final Section.Builder<Scenario> TOP = Section.builder("top");
    public static final Key<Scenario, String> NAME = TOP.key("name", Types.FOLDER_NAME, Scenario::name,
            Default.text("the file name without `.yaml`"), "names the scenario and its output folder");
    public static final Key<Scenario, String> DESCRIPTION = TOP.key("description", Types.PROSE, Scenario::description,
            Default.required("a text value"), "what the scenario shows (`list` shows its first sentence)");
    public static final Key<Scenario, String> EXTENDS = TOP.readOnly("extends", Types.TEXT.describedAs("file name"), Default.text("none"),
            "a base scenario this file is laid over (see above)");
    public static final Key<Scenario, Long> SEED = TOP.key("seed", Types.SEED, Scenario::seed, Default.of(1L),
            "root seed of every random stream");
    public static final Key<Scenario, Long> DURATION = TOP.key("duration", Types.POSITIVE_DURATION, Scenario::durationNanos,
            Default.of(60 * S), "simulated time the run lasts");
    public static final Key<Scenario, Long> WARMUP = TOP.key("warmup", Types.DURATION.describedAs("duration < `duration`"),
            Scenario::warmupNanos, Default.of(5 * S, "at most half the duration"),
            "load starts after this: several election timeouts, so the first leader is elected meanwhile");
    public static final Key<Scenario, Long> METRICS_WINDOW = TOP.key("metrics-window",
            Types.POSITIVE_DURATION.describedAs("duration, 0 < w ≤ `duration`"), Scenario::metricsWindowNanos, Default.of(10 * S,
            "or `duration` if shorter"), "width of a metrics window");

    static {
        TOP.nested("cluster", "mapping", () -> ClusterSchema.CLUSTER, Scenario::cluster, Default.text(""), "below");
        TOP.map("ceph-clusters", "mapping name → cluster", DiskSchema.CEPH_CLUSTER, ScenarioSchema::cephClusters, "",
                "Ceph clusters that `ceph-rbd` disks name (below)");
        TOP.map("disks", "mapping name → disk", DiskSchema.DEVICE, Scenario::devices, "one NVMe per member", "below");
        TOP.nested("network", "mapping", () -> NetworkSchema.NETWORK, Scenario::network, Default.text(""), "below");
        TOP.nested("workload", "mapping", () -> WorkloadSchema.WORKLOAD, Scenario::workload, Default.text("no load"), "below");
        TOP.nested("client", "mapping", () -> WorkloadSchema.CLIENT, Scenario::client, Default.text(""), "below");
        TOP.list("faults", FaultSchema.FAULT, Scenario::faults, false, "below");
        TOP.nested("outputs", "mapping", () -> OUTPUTS, Scenario::outputs, Default.text(""), "below");
        TOP.nested("checks", "mapping", () -> CHECKS, s -> s.checks().any() ? s.checks() : null, Default.text("a plain run"),
                "safety testing (below)");
    }

    /** The whole schema: every section is reached from here. */
    public static final Section<Scenario> SCENARIO = TOP.build();

    private ScenarioSchema() {
    }

    /** The Ceph clusters the scenario's images name, by name. */
    private static Map<String, CephCluster.Options> cephClusters(Scenario s) {
        Map<String, CephCluster.Options> clusters = new TreeMap<>();
        s.devices().values().forEach(d -> {
            if (d.disk() instanceof CephRbdDisk.Options o) {
                clusters.put(o.clusterName(), o.cluster());
            }
        });
        return clusters;
    }
}
