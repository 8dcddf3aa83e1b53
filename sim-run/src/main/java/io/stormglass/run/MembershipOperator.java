package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.Member;
import io.stormglass.raft.server.MemberChangeResult;
import io.stormglass.raft.server.MemberOperation;
import io.stormglass.scenario.model.FaultSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * The operator of the fault timeline's membership actions, as a person with etcdctl would run them:
 * each command goes to the member that leads at that moment; while none does (or the one asked has
 * just lost leadership) it is retried every {@link #RETRY_NANOS} until etcdctl's
 * {@code --command-timeout} (5 s) runs out. Each command and its outcome is marked on the timeline
 * (target {@code membership}). A member that is added is started right after etcd accepted it, with
 * an empty data dir ({@code --initial-cluster-state existing}).
 */
final class MembershipOperator {
    private static final EventKind OPERATOR = EventKind.named("operator");
    /** How often the operator retries a command that found no leader. */
    static final long RETRY_NANOS = 100_000_000L;
    /** etcdctl's default {@code --command-timeout}. */
    static final long COMMAND_TIMEOUT_NANOS = 5_000_000_000L;

    /** Crashes and restarts members the way the fault injector does (so that checks count them). */
    interface Power {
        void crash(Member member, CrashMode mode, String reason);

        void restart(Member member, String reason);
    }

    private final SimulatedCluster cluster;
    private final Scheduler scheduler;
    private final Timeline timeline;
    private final Power power;

    MembershipOperator(SimulatedCluster cluster, Power power) {
        this.cluster = cluster;
        this.scheduler = cluster.sim;
        this.timeline = cluster.recorder.timeline();
        this.power = power;
    }

    /** Runs {@code c} now. */
    void change(FaultSpec.MemberChange c) {
        switch (c.action()) {
            case ADD, ADD_LEARNER -> command(c.action() == FaultSpec.MemberChange.Action.ADD ? MemberOperation.ADD
                    : MemberOperation.ADD_LEARNER, c.member(), ok -> startJoiner(c.member()));
            case PROMOTE -> command(MemberOperation.PROMOTE, c.member(), ok -> { });
            case REMOVE -> command(MemberOperation.REMOVE, c.member(), ok -> cluster.retired.add(c.member()));
            case REPLACE -> replace(c.member(), c.with());
        }
    }

    /** etcd's documented replacement of a failed member: it is gone, remove it, add the new one, start it. */
    private void replace(int failed, int with) {
        Member old = cluster.member(failed);
        if (old.isUp()) {
            power.crash(old, CrashMode.DROP_UNSYNCED, "member-replace: the machine of n" + failed + " failed");
        }
        command(MemberOperation.REMOVE, failed, removed -> {
            cluster.retired.add(failed);
            command(MemberOperation.ADD, with, added -> startJoiner(with));
        });
    }

    private void startJoiner(int id) {
        Member m = cluster.member(id);
        if (!m.isUp()) {
            power.restart(m, "n" + id + " starts with an empty data dir and joins");
        }
    }

    /**
     * Sends {@code op} on {@code id} to the leader; {@code then} runs after it was applied. A refusal or a
     * timeout is marked and ends the action.
     */
    void command(MemberOperation op, int id, Consumer<MemberChangeResult> then) {
        mark(op.command() + " n" + id);
        attempt(op, id, scheduler.nowNanos() + COMMAND_TIMEOUT_NANOS, then);
    }

    private void attempt(MemberOperation op, int id, long deadline, Consumer<MemberChangeResult> then) {
        Member leader = cluster.leader();
        if (leader == null) {
            retry(op, id, deadline, then, EtcdErrors.NO_LEADER);
            return;
        }
        leader.changeMembership(op, id, r -> {
            if (r.ok()) {
                mark(op.command() + " n" + id + ": applied");
                then.accept(r);
            } else if (r.error().equals(EtcdErrors.NOT_LEADER)) {
                retry(op, id, deadline, then, r.error());
            } else {
                mark(op.command() + " n" + id + ": " + r.error());
                if (r.error().equals(EtcdErrors.REQUEST_TIMED_OUT) && (op == MemberOperation.ADD || op == MemberOperation.ADD_LEARNER)) {
                    then.accept(r); // the add may still take effect: the runbook starts the new member either way
                }
            }
        });
    }

    private void retry(MemberOperation op, int id, long deadline, Consumer<MemberChangeResult> then, String error) {
        if (scheduler.nowNanos() + RETRY_NANOS > deadline) {
            mark(op.command() + " n" + id + ": " + EtcdErrors.DEADLINE_EXCEEDED + " (last: " + error + ")");
            if (op == MemberOperation.ADD || op == MemberOperation.ADD_LEARNER) {
                then.accept(MemberChangeResult.failed(EtcdErrors.DEADLINE_EXCEEDED));
            }
            return;
        }
        scheduler.schedule(RETRY_NANOS, OPERATOR, id, () -> attempt(op, id, deadline, then));
    }

    /** etcd's {@code move-leader}: the leader transfers to {@code target} (0: the most caught-up other voter). */
    void moveLeader(int target) {
        Member leader = cluster.leader();
        int to = target > 0 ? target : mostCaughtUpOther(leader);
        mark("move-leader to " + (to > 0 ? "n" + to : "none"));
        if (leader != null && to > 0 && to != leader.id()) {
            leader.transferLeadership(to);
        }
    }

    /** The up member other than {@code leader} with the highest applied index, lowest id on ties; 0 if none. */
    int mostCaughtUpOther(Member leader) {
        Member best = null;
        for (Member m : cluster.activeMembers()) {
            if (m.isUp() && m != leader && (best == null || m.appliedIndex() > best.appliedIndex())) {
                best = m;
            }
        }
        return best == null ? 0 : best.id();
    }

    void mark(String text) {
        timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), TimelineEvent.FaultChanged.MEMBERSHIP, text, true));
    }

    /** Members that are up, in id order (the ones a rolling restart goes through). */
    List<Member> upMembers() {
        return cluster.activeMembers().stream().filter(Member::isUp).toList();
    }
}
