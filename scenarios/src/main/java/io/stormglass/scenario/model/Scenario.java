package io.stormglass.scenario.model;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One experiment, fully resolved: what a scenario file says after units are parsed, defaults
 * filled in, {@code extends:} and {@code --set} applied and every value checked. The runner
 * takes nothing else. Times in nanoseconds of simulated time from the start of the run.
 *
 * @param name               the scenario's name (file name without extension unless set)
 * @param description        what the scenario shows, in a sentence or two
 * @param file               the file it was read from, as the user named it
 * @param seed               root seed of every random stream
 * @param durationNanos      how long the simulation runs
 * @param warmupNanos        load starts after this (the cluster elects a leader meanwhile)
 * @param metricsWindowNanos width of a metrics window
 * @param cluster            members and their Raft and server settings
 * @param devices            block devices by name (one per member, or shared)
 * @param network            links, placement and network options
 * @param workload           what the clients do
 * @param client             how clients behave (timeouts, retries)
 * @param faults             the fault timeline
 * @param outputs            what to write
 * @param checks             safety, linearizability and liveness checks ({@link ChecksSpec#NONE} for a plain run)
 */
public record Scenario(String name, String description, String file, long seed, long durationNanos, long warmupNanos,
        long metricsWindowNanos, ClusterSpec cluster, SortedMap<String, DeviceSpec> devices, NetworkSpec network,
        WorkloadSpec workload, ClientSpec client, List<FaultSpec> faults, OutputSpec outputs, ChecksSpec checks) {
    public Scenario {
        devices = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(devices));
        faults = List.copyOf(faults);
        java.util.Objects.requireNonNull(checks, "checks");
    }

    /** The same scenario, named as loaded from {@code newFile} (as a person wrote the path; it changes no run). */
    public Scenario withFile(String newFile) {
        return new Scenario(name, description, newFile, seed, durationNanos, warmupNanos, metricsWindowNanos, cluster,
                devices, network, workload, client, faults, outputs, checks);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, file, newSeed, durationNanos, warmupNanos, metricsWindowNanos, cluster,
                devices, network, workload, client, faults, outputs, checks);
    }

    public Scenario withOutputs(OutputSpec newOutputs) {
        return new Scenario(name, description, file, seed, durationNanos, warmupNanos, metricsWindowNanos, cluster,
                devices, network, workload, client, faults, newOutputs, checks);
    }

    public Scenario withFaults(List<FaultSpec> newFaults) {
        return new Scenario(name, description, file, seed, durationNanos, warmupNanos, metricsWindowNanos, cluster,
                devices, network, workload, client, newFaults, outputs, checks);
    }

    public Scenario withChecks(ChecksSpec newChecks) {
        return new Scenario(name, description, file, seed, durationNanos, warmupNanos, metricsWindowNanos, cluster,
                devices, network, workload, client, faults, outputs, newChecks);
    }

    /**
     * The faults in the order the runner injects them: by start time, ties in the order written
     * (a stable sort, so the order of the file decides between faults that start together).
     */
    public List<FaultSpec> faultsInTimeOrder() {
        List<FaultSpec> sorted = new java.util.ArrayList<>(faults);
        sorted.sort(java.util.Comparator.comparingLong(f -> f.timing().atNanos()));
        return sorted;
    }
}
