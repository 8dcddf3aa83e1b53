package io.stormglass.run.verdict;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.raft.client.Operation;
import io.stormglass.check.safety.SafetyViolation;
import io.stormglass.scenario.model.ChecksSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks of one run found. A run fails if a safety invariant was broken, a member could
 * not recover after a crash, a member's code threw (etcd would panic), no write made progress in
 * the liveness phase, or the history is not linearizable. An "unknown" linearizability verdict
 * (budget spent) is not a failure.
 *
 * @param spec              what was checked
 * @param violations        safety violations, in the order seen (at most the monitor's cap)
 * @param droppedViolations violations beyond the cap, counted only
 * @param bootFailures      members that could not recover from their disks, with when and why
 * @param panic             the exception a member's code threw on the event loop, or null
 * @param livenessNanos     time from healing to progress; {@link #LIVENESS_FAILED} or {@link #LIVENESS_NOT_CHECKED}
 * @param finalState        each member's role, term and applied index at the end, for a failure message
 * @param linearizability   the checker's verdict, or null if not checked
 * @param stats             counts that show how much the run exercised
 */
public record CheckReport(ChecksSpec spec, List<SafetyViolation> violations, long droppedViolations, List<String> bootFailures,
        String panic, long livenessNanos, String finalState, CheckResult linearizability, Stats stats) {
    public static final long LIVENESS_FAILED = -1;
    public static final long LIVENESS_NOT_CHECKED = -2;

    /**
     * @param operations         client operations in the history
     * @param acknowledgedWrites puts and successful compare-and-sets acknowledged to clients
     * @param committedEntries   entries the monitor saw committed
     * @param termsWithLeader    terms in which some member led
     * @param crashes            member crashes injected
     * @param watchEvents        watch events checked against the committed history
     * @param rangesAtRevision   ranges at a revision whose answers were checked
     */
    public record Stats(int operations, long acknowledgedWrites, int committedEntries, int termsWithLeader, int crashes,
            long watchEvents, long rangesAtRevision) {
    }

    public CheckReport {
        violations = List.copyOf(violations);
        bootFailures = List.copyOf(bootFailures);
    }

    public boolean passed() {
        return failureKinds().isEmpty();
    }

    /** The kinds of failure, first seen first: invariant names, {@code boot}, {@code panic}, {@code liveness}, {@code linearizability}. */
    public List<String> failureKinds() {
        List<String> kinds = new ArrayList<>();
        for (SafetyViolation v : violations) {
            if (!kinds.contains(v.invariant().name())) {
                kinds.add(v.invariant().name());
            }
        }
        if (!bootFailures.isEmpty()) {
            kinds.add("BOOT_FAILURE");
        }
        if (panic != null) {
            kinds.add("PANIC");
        }
        if (livenessNanos == LIVENESS_FAILED && panic == null) {
            kinds.add("LIVENESS");
        }
        if (linearizability instanceof CheckResult.NotLinearizable) {
            kinds.add("NOT_LINEARIZABLE");
        }
        return kinds;
    }

    /** The verdict and every problem, in plain text, one item per line. */
    public String describe() {
        StringBuilder b = new StringBuilder(passed() ? "checks passed" : "checks FAILED: " + String.join(", ", failureKinds()));
        b.append('\n');
        for (SafetyViolation v : violations) {
            b.append("  violation: ").append(v.describe()).append('\n');
        }
        if (droppedViolations > 0) {
            b.append("  (").append(droppedViolations).append(" more violations not kept)\n");
        }
        for (String f : bootFailures) {
            b.append("  boot failure after a crash: ").append(f).append('\n');
        }
        if (panic != null) {
            b.append("  panic (the simulation stopped): ").append(panic).append('\n');
        }
        if (livenessNanos == LIVENESS_FAILED && panic == null) {
            b.append("  liveness: within ").append(spec.livenessBoundNanos() / 1_000_000)
                    .append(" ms after every fault healed, no write was acknowledged and applied by every member (")
                    .append(finalState).append(")\n");
        } else if (livenessNanos >= 0) {
            b.append("  liveness: a write was acknowledged and applied everywhere ").append(livenessNanos / 1_000_000)
                    .append(" ms after every fault healed\n");
        }
        if (linearizability instanceof CheckResult.NotLinearizable nl) {
            b.append("  not linearizable on key ").append(nl.key()).append(", witness:\n");
            for (Operation op : nl.witness()) {
                b.append("    ").append(op.describe()).append('\n');
            }
        } else if (linearizability instanceof CheckResult.Unknown u) {
            b.append("  linearizability unknown (").append(u.reason()).append(")\n");
        } else if (linearizability instanceof CheckResult.Linearizable l) {
            b.append("  linearizable: ").append(l.operations()).append(" operations on ").append(l.keys()).append(" keys\n");
        }
        b.append("  exercised: ").append(stats.operations()).append(" client operations, ").append(stats.acknowledgedWrites())
                .append(" acknowledged writes, ").append(stats.committedEntries()).append(" committed entries, ")
                .append(stats.termsWithLeader()).append(" terms with a leader, ").append(stats.crashes()).append(" crashes");
        if (stats.watchEvents() > 0 || stats.rangesAtRevision() > 0) {
            b.append(", ").append(stats.watchEvents()).append(" watch events and ").append(stats.rangesAtRevision())
                    .append(" ranges at a revision checked");
        }
        b.append('\n');
        return b.toString();
    }

    /** A JSON-ready view ({@code checks.json}). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("failures", failureKinds());
        List<Map<String, Object>> vs = new ArrayList<>();
        for (SafetyViolation v : violations) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("invariant", v.invariant().name());
            one.put("at_ms", v.atNanos() / 1e6);
            one.put("members", v.members());
            one.put("explanation", v.explanation());
            vs.add(one);
        }
        m.put("violations", vs);
        m.put("boot_failures", bootFailures);
        m.put("panic", panic);
        m.put("liveness_ms", livenessNanos >= 0 ? livenessNanos / 1e6 : null);
        m.put("linearizability", linearizability == null ? "not checked"
                : linearizability instanceof CheckResult.Linearizable ? "linearizable"
                : linearizability instanceof CheckResult.NotLinearizable ? "not linearizable" : "unknown");
        if (linearizability instanceof CheckResult.NotLinearizable nl) {
            m.put("witness", nl.witness().stream().map(Operation::describe).toList());
        }
        m.put("operations", stats.operations());
        m.put("acknowledged_writes", stats.acknowledgedWrites());
        m.put("committed_entries", stats.committedEntries());
        m.put("terms_with_leader", stats.termsWithLeader());
        m.put("crashes", stats.crashes());
        m.put("watch_events_checked", stats.watchEvents());
        m.put("ranges_at_revision_checked", stats.rangesAtRevision());
        return m;
    }
}
