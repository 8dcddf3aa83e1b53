package io.stormglass.experiment.calibration;

import io.stormglass.experiment.exec.ParallelRuns;
import io.stormglass.run.LoadSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * etcd's benchmark table (op-guide/performance.md, https://etcd.io/docs/v3.5/op-guide/performance/;
 * etcd 3.2.0, Go 1.8.3): three members on 8-vCPU GCE VMs, a 16-vCPU client VM, 8-byte keys and
 * 256-byte values, etcd's {@code benchmark} tool. Each row of the table is one run of
 * {@code etcd-benchmark.yaml} (beside this class) with the row's connections, clients, endpoints,
 * operation and request count, compared on requests per second and average latency as the tool
 * reports them ({@link LoadSummary}).
 *
 * <p>How the rows are expressed:
 * <ul>
 *   <li>writes: {@code put --key-size=8 --sequential-keys --val-size=256}, whose default
 *       {@code --key-space-size} of 1 writes one key; "leader only" is {@code --target-leader}
 *       ({@code endpoints: leader}); "all members" gives the three endpoints, which etcd 3.2's tool
 *       hands to the connections in turn ({@code endpoints: round-robin});</li>
 *   <li>reads: {@code range YOUR_KEY} of one existing key ({@code preload: 1});
 *       {@code --consistency=l|s}; three endpoints, in turn per connection. The single connection of
 *       the one-client rows goes to the first endpoint; that the linearizable read took 0.4 ms more
 *       than the serializable one, two round trips between members, says it was a follower (a read
 *       index asked of the leader, which confirms it with a heartbeat round), so those rows use
 *       {@code endpoints: follower};</li>
 *   <li>full budget: the table's 10 000 / 100 000 requests; quick: 2 000 / 20 000.</li>
 * </ul>
 * Tolerances: ±25 % for the one-client rows, ±30 % for the 1000-client rows, on both figures.
 */
public final class EtcdBenchmarkReference implements Reference {
    public static final String ID = "etcd-benchmark";
    static final String SCENARIO = "etcd-benchmark.yaml";
    private static final String SOURCE = "etcd op-guide performance.md (etcd 3.2.0, GCE)";

    /**
     * One row of the table.
     *
     * @param key          short name, for subsets and progress
     * @param experiment   the setup in the table's words
     * @param sets         overrides of the shared scenario
     * @param requests     the table's request count
     * @param quick        requests on the quick budget
     * @param qps          published requests per second
     * @param latencyMs    published average latency
     * @param tolerance    relative tolerance of both figures
     * @param tableRow     where in the table
     */
    record Setup(String key, String experiment, List<String> sets, int requests, int quick, double qps,
            double latencyMs, double tolerance, String tableRow) {
    }

    private static final List<String> MANY = List.of("workload.clients=1000", "workload.connections=100");

    static final List<Setup> SETUPS = List.of(
            new Setup("write-1", "put, 1 connection, 1 client, leader", List.of(), 10_000, 2_000, 583, 1.6, 0.25,
                    "write table, row 1"),
            new Setup("write-1000-leader", "put, 100 connections, 1000 clients, leader only",
                    MANY, 100_000, 20_000, 44_341, 22, 0.30, "write table, row 2"),
            new Setup("write-1000-all", "put, 100 connections, 1000 clients, all members",
                    plus(MANY, "workload.endpoints=round-robin"), 100_000, 20_000, 50_104, 20, 0.30, "write table, row 3"),
            new Setup("read-1-l", "linearizable range, 1 connection, 1 client", read("get", "follower"), 10_000, 2_000,
                    1_353, 0.7, 0.25, "read table, row 1"),
            new Setup("read-1-s", "serializable range, 1 connection, 1 client", read("serializable-get", "follower"),
                    10_000, 2_000, 2_909, 0.3, 0.25, "read table, row 2"),
            new Setup("read-1000-l", "linearizable range, 100 connections, 1000 clients",
                    plus(read("get", "round-robin"), MANY), 100_000, 20_000, 141_578, 5.5, 0.30, "read table, row 3"),
            new Setup("read-1000-s", "serializable range, 100 connections, 1000 clients",
                    plus(read("serializable-get", "round-robin"), MANY), 100_000, 20_000, 185_758, 2.2, 0.30,
                    "read table, row 4"));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "etcd's benchmark table (op-guide performance.md, etcd 3.2.0 on 8-vCPU GCE VMs): requests/s and average latency";
    }

    @Override
    public List<CalibrationRow> run(CalibrationBudget budget, Consumer<String> progress) throws InterruptedException {
        return run(budget, progress, null);
    }

    /** Runs the setups whose key is in {@code only} (all when null). */
    List<CalibrationRow> run(CalibrationBudget budget, Consumer<String> progress, Set<String> only)
            throws InterruptedException {
        List<Setup> chosen = SETUPS.stream().filter(s -> only == null || only.contains(s.key())).toList();
        List<LoadSummary> measured = ParallelRuns.map(chosen, budget.jobs(), setup -> {
            LoadSummary load = ResourceScenarios.measure(ResourceScenarios.load(SCENARIO, sets(setup, budget)));
            progress.accept(String.format(Locale.ROOT, "%s %s: %.0f requests/s (published %.0f), %.2f ms (published %s ms)",
                    ID, setup.key(), load.requestsPerSecond(), setup.qps(), load.meanLatencyNanos() / 1e6, setup.latencyMs()));
            return load;
        });
        List<CalibrationRow> rows = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Setup s = chosen.get(i);
            LoadSummary load = measured.get(i);
            String source = SOURCE + ", " + s.tableRow();
            rows.add(new CalibrationRow(ID, s.experiment(), "requests per second", "QPS", s.qps(), load.requestsPerSecond(),
                    Tolerance.relative(s.qps(), s.tolerance()), source));
            rows.add(new CalibrationRow(ID, s.experiment(), "average latency", "ms", s.latencyMs(),
                    load.meanLatencyNanos() / 1e6, Tolerance.relative(s.latencyMs(), s.tolerance()), source));
        }
        return rows;
    }

    /** The overrides of one run: the setup's, its request count, a duration that fits them, a name. */
    static List<String> sets(Setup s, CalibrationBudget budget) {
        int requests = budget.count(s.requests(), s.quick());
        // room for the requests at a third of the published rate, after the 3 s warm-up and the load phase
        long durationMs = 5_000 + Math.round(3_000.0 * requests / s.qps());
        List<String> sets = new ArrayList<>(s.sets());
        sets.add("workload.requests=" + requests);
        sets.add("duration=" + durationMs + "ms");
        sets.add("name=" + ID + "-" + s.key());
        return sets;
    }

    private static List<String> read(String op, String endpoints) {
        return List.of("workload.mix={" + op + ": 1}", "workload.keys.count=1", "workload.preload=1",
                "workload.endpoints=" + endpoints);
    }

    private static List<String> plus(List<String> a, String... more) {
        List<String> out = new ArrayList<>(a);
        out.addAll(List.of(more));
        return out;
    }

    private static List<String> plus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
