package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.server.Member;
import io.stormglass.scenario.model.FaultSpec;
import java.util.List;

/**
 * A rolling restart, one member at a time in id order, as an operator upgrading etcd does it: optionally
 * move leadership off the member first (to the voter etcd's graceful stop picks, {@code longestConnected};
 * waiting up to an election timeout for it to take, after which Raft abandons a transfer), stop the
 * process, start it again after {@code down}, and wait until it is healthy (its applied index has reached
 * what the leader had applied when it went down; polled every 100 ms) before the next. A member that does not become healthy within {@link #HEALTH_TIMEOUT_NANOS} ends the restart (the
 * operator stops, as a careful one would).
 */
final class RollingRestart {
    private static final EventKind STEP = EventKind.named("operator.rolling-restart");
    static final long POLL_NANOS = 100_000_000L;
    /** How long the operator waits for a restarted member to catch up before giving up. */
    static final long HEALTH_TIMEOUT_NANOS = 120_000_000_000L;

    private final SimulatedCluster cluster;
    private final MembershipOperator operator;
    private final MembershipOperator.Power power;
    private final Scheduler scheduler;
    private final FaultSpec.RollingRestart spec;
    private final long transferWaitNanos;
    private List<Member> order;

    RollingRestart(SimulatedCluster cluster, MembershipOperator operator, MembershipOperator.Power power, FaultSpec.RollingRestart spec,
            long electionTimeoutNanos) {
        this.cluster = cluster;
        this.operator = operator;
        this.power = power;
        this.scheduler = cluster.sim;
        this.spec = spec;
        this.transferWaitNanos = electionTimeoutNanos;
    }

    void start() {
        order = operator.upMembers();
        operator.mark("rolling restart of " + order.size() + " members" + (spec.moveLeader() ? ", moving leadership first" : ""));
        next(0);
    }

    private void next(int i) {
        if (i >= order.size()) {
            operator.mark("rolling restart done");
            return;
        }
        Member m = order.get(i);
        if (spec.moveLeader() && m.isUp() && m.isLeader()) {
            operator.moveLeader(0);
            waitForTransfer(i, m, scheduler.nowNanos() + transferWaitNanos);
            return;
        }
        stop(i, m);
    }

    private void waitForTransfer(int i, Member m, long until) {
        if (!m.isLeader() || scheduler.nowNanos() >= until) {
            stop(i, m);
            return;
        }
        scheduler.schedule(POLL_NANOS / 10, STEP, m.id(), () -> waitForTransfer(i, m, until));
    }

    private void stop(int i, Member m) {
        Member leader = cluster.leader();
        long target = leader == null ? m.appliedIndex() : leader.appliedIndex();
        if (m.isUp()) {
            m.crash("rolling restart: stopped");
        }
        operator.mark("restart n" + m.id());
        scheduler.schedule(spec.downNanos(), STEP, m.id(), () -> {
            power.restart(m, "rolling restart");
            awaitHealthy(i, m, target, scheduler.nowNanos() + HEALTH_TIMEOUT_NANOS);
        });
    }

    private void awaitHealthy(int i, Member m, long target, long until) {
        if (m.isUp() && m.appliedIndex() >= target) {
            next(i + 1);
            return;
        }
        if (scheduler.nowNanos() >= until) {
            operator.mark("rolling restart stopped: n" + m.id() + " not healthy after " + HEALTH_TIMEOUT_NANOS / 1_000_000_000L + " s");
            return;
        }
        scheduler.schedule(POLL_NANOS, STEP, m.id(), () -> awaitHealthy(i, m, target, until));
    }
}
