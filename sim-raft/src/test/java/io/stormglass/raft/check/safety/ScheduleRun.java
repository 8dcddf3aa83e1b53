package io.stormglass.raft.check.safety;

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
    /** Heal to committed write: an election (up to two timeouts, 1 s) after the longest stall (3 s) plus slack. */
    static final long LIVENESS_BOUND_NANOS = 10_000_000_000L;
    /** Long enough after the workload stops for every call to reach its 2 s deadline. */
    static final long DRAIN_NANOS = 3_000_000_000L;
    static final long LINEARIZABILITY_STEPS = 20_000_000L;
    static final int MAX_FAULT_MS = 8_000;
    static final int MAX_FAULT_DURATION_MS = 3_000;

    /** What a run showed. {@code livenessNanos} is -1 when no write committed within the bound. */
    record Outcome(ClusterSetup setup, List<FaultAction> schedule, List<SafetyViolation> violations, List<String> bootFailures,
            long livenessNanos, CheckResult linearizability, int operations, long acknowledgedWrites, int crashes,
            int committedEntries, int leaderTerms, long droppedMessages, long events) {

        boolean passed() {
            return violations.isEmpty() && bootFailures.isEmpty() && livenessNanos >= 0
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
            if (livenessNanos < 0) {
                b.append("  liveness: no write committed within ").append(LIVENESS_BOUND_NANOS / 1_000_000)
                        .append(" ms after every fault healed\n");
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
        c.sim.runUntil(SAFETY_PHASE_NANOS);
        workload.stop();
        c.healAll();
        long healedAt = c.sim.nowNanos();
        long liveness = awaitProgress(c, healedAt);
        c.sim.runUntil(Math.max(c.sim.nowNanos(), healedAt + DRAIN_NANOS));
        CheckResult lin = new LinearizabilityChecker(Budget.steps(LINEARIZABILITY_STEPS)).check(c.history.operations());
        List<SafetyViolation> violations = new ArrayList<>(c.monitor.violations());
        return new Outcome(setup, schedule, violations, List.copyOf(c.bootFailures), liveness, lin,
                c.history.operations().size(), c.monitor.acknowledgedWrites(), c.crashes(), c.monitor.committedEntries(),
                c.monitor.termsWithLeader(), c.network.droppedMessages(), c.sim.dispatchedEvents());
    }

    /** Puts until one is acknowledged while a leader exists; returns the time from healing, or -1. */
    private static long awaitProgress(SafetyCluster c, long healedAt) {
        KvClient client = c.client(FaultyNetwork.FIRST_CLIENT + 999);
        boolean[] done = {false};
        boolean[] inFlight = {false};
        int[] attempt = {0};
        long deadline = healedAt + LIVENESS_BOUND_NANOS;
        while (c.sim.nowNanos() < deadline) {
            if (!inFlight[0]) {
                inFlight[0] = true;
                String value = "live-" + (++attempt[0]);
                client.put("live", value, r -> {
                    inFlight[0] = false;
                    if (r.ok()) {
                        c.monitor.writeAcknowledged(client.nodeId(), "live", value);
                        done[0] = true;
                    }
                });
            }
            c.sim.runFor(10_000_000L);
            if (done[0] && c.members.stream().anyMatch(Member::isLeader)) {
                return c.sim.nowNanos() - healedAt;
            }
        }
        return -1;
    }
}
