package io.stormglass.run;

import io.stormglass.engine.event.Simulation;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.server.Member;
import java.util.List;

/**
 * The liveness phase of a checked run, after every fault healed: puts to the key {@code live}
 * (each attempt from the next probe client, so attempts start at different members) until one
 * is acknowledged while a leader exists; then every member must apply up to the index the
 * acknowledging member had applied by then, so up to the write. Indexes, not values: an earlier
 * attempt that timed out may still be applied later and overwrite the value.
 */
final class LivenessProbe {
    /** How far the simulation runs between looks at the members. */
    private static final long STEP_NANOS = 10_000_000L;

    private final Simulation sim;
    private final SimulatedCluster cluster;
    private final List<KvClient> probes;
    private final WorkloadDriver.WriteAcks acks;

    LivenessProbe(Simulation sim, SimulatedCluster cluster, List<KvClient> probes, WorkloadDriver.WriteAcks acks) {
        this.sim = sim;
        this.cluster = cluster;
        this.probes = probes;
        this.acks = acks;
    }

    /** Runs the simulation until progress or {@code boundNanos}; returns the time it took, or -1. */
    long await(long boundNanos) {
        long healedAt = sim.nowNanos();
        long[] appliedAtAck = {-1};
        boolean[] inFlight = {false};
        int attempt = 0;
        long deadline = healedAt + boundNanos;
        while (sim.nowNanos() < deadline) {
            if (appliedAtAck[0] < 0 && !inFlight[0]) {
                inFlight[0] = true;
                KvClient client = probes.get(attempt % probes.size());
                aimAtActiveMember(client);
                String value = "live-" + (++attempt);
                client.put("live", value, r -> {
                    inFlight[0] = false;
                    if (r.ok()) {
                        acks.acknowledged(client.nodeId(), "live", value);
                        appliedAtAck[0] = cluster.activeMembers().stream().mapToLong(Member::appliedIndex).max().orElse(0);
                    }
                });
            }
            startAddedMembers();
            sim.runUntil(Math.min(deadline, sim.nowNanos() + STEP_NANOS));
            if (appliedAtAck[0] >= 0 && cluster.leader() != null
                    && cluster.activeMembers().stream().allMatch(m -> m.isUp() && m.appliedIndex() >= appliedAtAck[0])) {
                return sim.nowNanos() - healedAt;
            }
        }
        return -1;
    }

    /**
     * A member that the configuration names but that never ran (its add committed after the operator stopped
     * waiting for the answer, or after the heal) is started, as the runbook says once the add is in.
     */
    private void startAddedMembers() {
        for (Member m : cluster.activeMembers()) {
            if (!m.isUp() && !m.hasStarted()) {
                m.start();
            }
        }
    }

    /**
     * An operator checking a cluster whose membership changed uses the current members' endpoints: a probe whose
     * next endpoint is down or no longer a member goes to the leader (or another up member) among its endpoints.
     * With the initial membership and every member up (the heal restarts them) nothing changes.
     */
    private void aimAtActiveMember(KvClient client) {
        List<Member> active = cluster.activeMembers();
        boolean fine = active.stream().anyMatch(m -> m.id() == client.currentEndpoint() && m.isUp());
        if (fine) {
            return;
        }
        Member leader = cluster.leader();
        if (leader != null && active.contains(leader) && client.endpoints().contains(leader.id())) {
            client.startAt(leader.id());
            return;
        }
        active.stream().filter(m -> m.isUp() && client.endpoints().contains(m.id())).findFirst().ifPresent(m -> client.startAt(m.id()));
    }

    /** Each member's role, term and applied index, for a failure message. */
    static String memberStates(SimulatedCluster cluster) {
        StringBuilder b = new StringBuilder();
        for (Member m : cluster.members()) {
            b.append(b.length() == 0 ? "" : ", ").append('n').append(m.id()).append(' ')
                    .append(m.isUp() ? m.softState().role() + " term " + m.term() + " applied " + m.appliedIndex() : "down");
        }
        return b.toString();
    }
}
