package io.stormglass.run.verdict;

import io.stormglass.engine.event.Clock;
import io.stormglass.check.linearizability.Budget;
import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.check.linearizability.LinearizabilityChecker;
import io.stormglass.check.safety.SafetyMonitor;
import io.stormglass.check.safety.SafetyViolation;
import io.stormglass.raft.client.ClientResult;
import io.stormglass.raft.client.History;
import io.stormglass.raft.client.WatchObserver;
import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.MemberObservers;
import io.stormglass.scenario.model.ChecksSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of one run while it goes on: the safety monitor (when asked) behind the members'
 * observer, acknowledged writes, boot failures and crashes; at the end, {@link #report} adds the
 * liveness outcome and the linearizability verdict. Nothing here changes the simulation.
 */
public final class RunChecks {
    private final ChecksSpec spec;
    private final Clock clock;
    private final SafetyMonitor monitor;
    private final List<String> bootFailures = new ArrayList<>();
    private long acknowledgedWrites;
    private int crashes;

    public RunChecks(ChecksSpec spec, Clock clock, List<Integer> members) {
        this.spec = spec;
        this.clock = clock;
        this.monitor = spec.safety() ? new SafetyMonitor(clock, members) : null;
    }

    public ChecksSpec spec() {
        return spec;
    }

    /** What the members report to: the monitor (if safety is checked) and then {@code other}. */
    public MemberObserver observer(MemberObserver other) {
        return monitor == null ? other : MemberObservers.both(monitor, other);
    }

    /** A client was told its put or compare-and-set of {@code value} at {@code key} succeeded. */
    public void writeAcknowledged(int client, String key, String value) {
        acknowledgedWrites++;
        if (monitor != null) {
            monitor.writeAcknowledged(client, key, value);
        }
    }

    /** What the clients show their watches to: the monitor's watch checks (if safety is checked). */
    public WatchObserver watchObserver() {
        return monitor == null ? WatchObserver.NONE : monitor.watchObserver();
    }

    /** A client's range of {@code key} at {@code revision} (one it had seen) answered {@code result}. */
    public void rangeAtRevision(int client, String key, long revision, ClientResult result) {
        if (monitor != null) {
            List<KeyValue> kvs = result.ok() && result.result() instanceof KvResult.RangeResult range ? range.kvs() : List.of();
            monitor.rangeAtRevision(client, key, revision, true, kvs, result.error());
        }
    }

    public void crashed() {
        crashes++;
    }

    /** A member could not recover from its disks when restarted. */
    public void bootFailed(int member, String reason) {
        bootFailures.add("n" + member + " at " + clock.nowNanos() / 1_000_000 + " ms: " + reason);
    }

    /** Violations and boot failures seen so far (for invariants checked between steps). */
    public List<String> problemsSoFar() {
        List<String> problems = new ArrayList<>();
        if (monitor != null) {
            monitor.violations().forEach(v -> problems.add(v.describe()));
        }
        bootFailures.forEach(f -> problems.add("boot failure: " + f));
        return problems;
    }

    /**
     * The verdict: everything seen, plus the liveness outcome and, if asked, the linearizability
     * of {@code history} under the step budget.
     */
    public CheckReport report(History history, String panic, long livenessNanos, String finalState) {
        CheckResult lin = spec.linearizability() && history != null
                ? new LinearizabilityChecker(Budget.steps(spec.linearizabilitySteps())).check(history.operations()) : null;
        List<SafetyViolation> violations = monitor == null ? List.of() : monitor.violations();
        CheckReport.Stats stats = new CheckReport.Stats(history == null ? 0 : history.operations().size(), acknowledgedWrites,
                monitor == null ? 0 : monitor.committedEntries(), monitor == null ? 0 : monitor.termsWithLeader(), crashes,
                monitor == null ? 0 : monitor.watchEventsChecked(), monitor == null ? 0 : monitor.rangesAtRevisionChecked());
        return new CheckReport(spec, violations, monitor == null ? 0 : monitor.droppedViolations(), bootFailures, panic,
                livenessNanos, finalState, lin, stats);
    }
}
