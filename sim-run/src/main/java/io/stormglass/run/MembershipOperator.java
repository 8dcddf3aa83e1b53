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
                if (r.confState() != null) {
                    timeline.append(new TimelineEvent.VotersChanged(scheduler.nowNanos(),
                            r.confState().voters().stream().map(Long::intValue).toList()));
                }
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

    /**
     * etcd's {@code move-leader} ({@code EtcdServer.MoveLeader}, against the leader): the leader hands leadership
     * to {@code target}; with 0 ({@code auto}), to the voter etcd itself picks when it hands leadership off before
     * a graceful stop, {@code longestConnected} (server/etcdserver/server.go {@code TryTransferLeadershipOnShutdown}):
     * the voter whose connection to the leader has been active the longest. Raft brings a transferee that lags
     * up to date before it tells it to campaign (thesis §3.10) and gives up after an election timeout. etcd then
     * waits for the transferee to lead, polling every tick, until etcdctl's command timeout; each outcome is
     * marked, with etcd's error when there is one.
     */
    void moveLeader(int target) {
        Member leader = cluster.leader();
        if (leader == null) {
            mark("move-leader: " + EtcdErrors.NO_LEADER);
            return;
        }
        int to = target > 0 ? target : leader.longestConnectedVoter();
        if (to == 0) {
            mark("move-leader: " + EtcdErrors.UNHEALTHY);
            return;
        }
        if (!leader.configuration().voters().contains((long) to)) {
            mark("move-leader to n" + to + ": " + EtcdErrors.BAD_LEADER_TRANSFEREE);
            return;
        }
        mark("move-leader to n" + to);
        if (to != leader.id()) {
            leader.transferLeadership(to);
        }
        awaitLeader(cluster.member(to), scheduler.nowNanos(), scheduler.nowNanos() + COMMAND_TIMEOUT_NANOS);
    }

    private void awaitLeader(Member transferee, long startNanos, long deadline) {
        if (transferee.isLeader()) {
            mark("move-leader to n" + transferee.id() + ": done in " + (scheduler.nowNanos() - startNanos) / 1_000_000 + " ms");
        } else if (scheduler.nowNanos() >= deadline) {
            mark("move-leader to n" + transferee.id() + ": " + EtcdErrors.LEADER_TRANSFER_TIMED_OUT);
        } else {
            scheduler.schedule(cluster.scenario.cluster().raft().tickIntervalNanos(), OPERATOR, transferee.id(),
                    () -> awaitLeader(transferee, startNanos, deadline));
        }
    }

    void mark(String text) {
        timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), TimelineEvent.FaultChanged.MEMBERSHIP, text, true));
    }

    /** Members that are up, in id order (the ones a rolling restart goes through). */
    List<Member> upMembers() {
        return cluster.activeMembers().stream().filter(Member::isUp).toList();
    }
}
