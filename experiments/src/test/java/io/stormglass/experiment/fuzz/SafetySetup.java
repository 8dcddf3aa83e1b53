package io.stormglass.experiment.fuzz;

import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed part of one generated run: the library's {@code safety-fuzz.yaml} with a seed, a
 * cluster size and a few settings changed through {@code --set}, exactly as a person would.
 *
 * @param size           members (3 or 5)
 * @param seed           root seed of the simulation
 * @param disk           model of every WAL and data device ({@code nvme}: 1.7 ms fdatasync,
 *                       {@code sata-ssd}: 0.5 ms, {@code hdd}: a rotation)
 * @param smallSnapshots snapshot every 20 entries keeping 5 (compaction and InstallSnapshot in
 *                       every run) instead of the file's etcd defaults
 * @param preVote        etcd's {@code --pre-vote}; without it partitions inflate terms
 * @param spares         spare members that membership changes may add (0: none)
 * @param readers        besides the file's three clients, one reader per member that only issues linearizable
 *                       gets ({@code workload.readers}): a reader keeps talking to its member while the writers
 *                       wait on theirs, so a deposed leader, or a follower it still leads, is asked to read
 *                       through a partition, and every follower runs ReadIndex rounds back to back
 */
record SafetySetup(int size, long seed, String disk, boolean smallSnapshots, boolean preVote, int spares, boolean readers) {
    static final Path BASE = Path.of("../scenarios/safety-fuzz.yaml");

    /** A setup without spare members or readers. */
    SafetySetup(int size, long seed, String disk, boolean smallSnapshots, boolean preVote) {
        this(size, seed, disk, smallSnapshots, preVote, 0, false);
    }

    /** A setup without readers. */
    SafetySetup(int size, long seed, String disk, boolean smallSnapshots, boolean preVote, int spares) {
        this(size, seed, disk, smallSnapshots, preVote, spares, false);
    }

    List<String> sets() {
        List<String> sets = new ArrayList<>(List.of("seed=" + seed, "cluster.size=" + size, "cluster.pre-vote=" + preVote,
                "disks.wal.model=" + disk, "disks.data.model=" + disk));
        if (spares > 0) {
            sets.add("cluster.spare-members=" + spares);
            // etcd refuses membership changes until the leader's peers have been connected for 5 s (MembershipWalk draws
            // none before): twice the base's 8 s leaves room for them between the faults
            sets.add("duration=16s");
        }
        if (readers) {
            // the readers first: clients 0..size-1, one on each member (round-robin endpoints)
            sets.add("workload.clients=" + (size + 3));
            sets.add("workload.readers=" + size);
        }
        if (smallSnapshots) {
            sets.add("cluster.snapshot-count=20");
            sets.add("cluster.snapshot-catch-up-entries=5");
        }
        return sets;
    }

    Scenario scenario() {
        return ScenarioLoader.load(BASE, sets());
    }
}
