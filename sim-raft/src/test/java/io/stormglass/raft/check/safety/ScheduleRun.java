package io.stormglass.raft.check.safety;

import io.stormglass.engine.event.SimulationException;
import io.stormglass.raft.check.linearizability.Budget;
import io.stormglass.raft.check.linearizability.CheckResult;
import io.stormglass.raft.check.linearizability.LinearizabilityChecker;
import io.stormglass.raft.check.linearizability.Operation;
import io.stormglass.raft.client.KvClient;
import io.stormglass.raft.server.Member;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a fault schedule, VOPR-style: a safety phase with the schedule's faults and a
 * workload, then a liveness phase where every fault heals, crashed members restart, and a write
 * must commit within {@link #LIVENESS_BOUND_NANOS}. Then the monitor's verdict and the history's
 * linearizability are collected into an {@link Outcome}.
 */
final class ScheduleRun {
    static final long SAFETY_PHASE_NANOS = 8_000_000_000L;
    /**
     * Heal to a write applied everywhere: the longest stall (3 s) ending, an election (up to two
     * timeouts, 1 s), a client deadline (2 s) lost on a member that was still catching up, slack.
     */
    static final long LIVENESS_BOUND_NANOS = 10_000_000_000L;
    /** Long enough after the workload stops for every call to reach its 2 s deadline. */
    static final long DRAIN_NANOS = 3_000_000_000L;
    static final long LINEARIZABILITY_STEPS = 20_000_000L;
    static final int MAX_FAULT_MS = 8_000;
    static final int MAX_FAULT_DURATION_MS = 3_000;

    /** What a run showed. {@code livenessNanos} is -1 when no write committed within the bound. */
    record Outcome(ClusterSetup setup, List<FaultAction> schedule, List<SafetyViolation> violations, List<String> bootFailures,
            String panic, long livenessNanos, String finalState, CheckResult linearizability, int operations, long acknowledgedWrites, int crashes,
            int committedEntries, int leaderTerms, long droppedMessages, long events) {

        boolean passed() {
            return violations.isEmpty() && bootFailures.isEmpty() && panic == null && livenessNanos >= 0
                    && !(linearizability instanceof CheckResult.NotLinearizable);
        }

        /** The problems, then the schedule as a scenario fragment, for a failure message. */
        String report() {
            StringBuilder b = new StringBuilder();
            for (SafetyViolation v : violations) {
                b.append("  violation: ").append(v.describe()).append('\n');
            }
            for (String f : bootFailures) {
                b.append("  boot failure after a crash: ").append(f).append('\n');
            }
            if (panic != null) {
                b.append("  panic (the simulation stopped): ").append(panic).append('\n');
            }
            if (livenessNanos < 0 && panic == null) {
                b.append("  liveness: within ").append(LIVENESS_BOUND_NANOS / 1_000_000)
                        .append(" ms after every fault healed, no write was acknowledged and applied by every member (")
                        .append(finalState).append(")\n");
            }
            if (linearizability instanceof CheckResult.NotLinearizable nl) {
                b.append("  not linearizable on key ").append(nl.key()).append(", witness:\n");
                for (Operation op : nl.witness()) {
                    b.append("    ").append(op.describe()).append('\n');
                }
            }
            b.append("--- replay as a scenario (").append(schedule.size()).append(" fault(s)) ---\n");
            b.append(setup.toYaml(SAFETY_PHASE_NANOS / 1_000_000, LIVENESS_BOUND_NANOS / 1_000_000));
            b.append("faults:").append(schedule.isEmpty() ? " []\n" : "\n");
            for (FaultAction a : schedule) {
                b.append(a.toYaml(setup.size()));
            }
            return b.toString();
        }
    }

    private ScheduleRun() {
    }

    static Outcome run(ClusterSetup setup, List<FaultAction> schedule) {
        SafetyCluster c = new SafetyCluster(setup);
        c.startAll();
        Workload workload = new Workload(c, ClusterSetup.CLIENTS);
        workload.start();
        c.schedule(schedule);
        long liveness = -1;
        String panic = null;
        try {
            c.sim.runUntil(SAFETY_PHASE_NANOS);
            workload.stop();
            c.healAll();
            long healedAt = c.sim.nowNanos();
            liveness = awaitProgress(c, healedAt);
            c.sim.runUntil(Math.max(c.sim.nowNanos(), healedAt + DRAIN_NANOS));
        } catch (SimulationException e) {
            // a member's code threw on the event loop: etcd-raft would panic and the process die
            panic = e.getMessage();
        }
        CheckResult lin = new LinearizabilityChecker(Budget.steps(LINEARIZABILITY_STEPS)).check(c.history.operations());
        List<SafetyViolation> violations = new ArrayList<>(c.monitor.violations());
        return new Outcome(setup, schedule, violations, List.copyOf(c.bootFailures), panic, liveness, memberStates(c), lin,
                c.history.operations().size(), c.monitor.acknowledgedWrites(), c.crashes(), c.monitor.committedEntries(),
                c.monitor.termsWithLeader(), c.network.droppedMessages(), c.sim.dispatchedEvents());
    }

    /**
     * Liveness: puts (each attempt from a new client, so attempts start at different members)
     * until one is acknowledged while a leader exists, then every member must apply up to the
     * index the acknowledging member had applied by then (so up to the write). Returns the time
     * from healing to that point, or -1 if the bound passed first.
     */
    private static long awaitProgress(SafetyCluster c, long healedAt) {
        long[] appliedAtAck = {-1};
        boolean[] inFlight = {false};
        int attempt = 0;
        long deadline = healedAt + LIVENESS_BOUND_NANOS;
        while (c.sim.nowNanos() < deadline) {
            if (appliedAtAck[0] < 0 && !inFlight[0]) {
                inFlight[0] = true;
                KvClient client = c.client(FaultyNetwork.FIRST_CLIENT + 900 + attempt);
                String value = "live-" + (++attempt);
                client.put("live", value, r -> {
                    inFlight[0] = false;
                    if (r.ok()) {
                        c.monitor.writeAcknowledged(client.nodeId(), "live", value);
                        // an earlier attempt that timed out may still be applied later: wait for indexes, not values
                        appliedAtAck[0] = c.members.stream().mapToLong(Member::appliedIndex).max().orElse(0);
                    }
                });
            }
            c.sim.runFor(10_000_000L);
            if (appliedAtAck[0] >= 0 && c.members.stream().anyMatch(Member::isLeader)
                    && c.members.stream().allMatch(m -> m.isUp() && m.appliedIndex() >= appliedAtAck[0])) {
                return c.sim.nowNanos() - healedAt;
            }
        }
        return -1;
    }

    /** Each member's role, term and applied index, for a failure message. */
    static String memberStates(SafetyCluster c) {
        StringBuilder b = new StringBuilder();
        for (Member m : c.members) {
            b.append(b.length() == 0 ? "" : ", ").append('n').append(m.id()).append(' ')
                    .append(m.isUp() ? m.softState().role() + " term " + m.term() + " applied " + m.appliedIndex() : "down");
        }
        return b.toString();
    }
}
