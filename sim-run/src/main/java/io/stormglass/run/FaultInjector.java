package io.stormglass.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.net.clock.ClockFaults;
import io.stormglass.net.clock.NodeClock;
import io.stormglass.net.partition.NetworkFault;
import io.stormglass.raft.server.Member;
import io.stormglass.scenario.model.FaultSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Puts the scenario's fault timeline on the simulation clock. Each fault's occurrences start at
 * {@code at}, then every {@code every} until {@code until} (or the end of the run); each lasts
 * {@code for}. Nothing about a fault's effect is scripted here: a crash kills a member and loses
 * its disks' unsynced data as the crash mode says, a partition cuts links in the network model,
 * a disk fault switches on a fault in the device model; what follows is the system's doing.
 *
 * <p>Faults are injected one by one as the run reaches each one's start ({@link #inject}), not
 * all at the beginning: a run built step by step (a stateful property test injecting a fault,
 * running, checking, injecting the next) and the same faults read from a scenario file then make
 * the same calls in the same order, so they dispatch the same events and share a fingerprint.
 */
final class FaultInjector {
    private static final EventKind FAULT = EventKind.named("fault");

    /** Hears crashes and failed restarts (safety checks count them). */
    interface CrashListener {
        CrashListener NONE = new CrashListener() {
        };

        default void crashed(int member) {
        }

        default void bootFailed(int member, String reason) {
        }
    }

    private final SimulatedCluster cluster;
    private final Scheduler scheduler;
    private final Timeline timeline;
    private final ClockFaults clockFaults;
    private final long endNanos;
    private final CrashListener crashes;
    private final MembershipOperator operator;
    private final MembershipOperator.Power power;
    /** Bumped by {@link #healAll()}: a crash or restart scheduled under an older epoch does nothing. */
    private long epoch;
    /** Member id to the end (exclusive, in nanoseconds) of the latest withholding of appends from it. */
    private final Map<Integer, Long> withheldUntilNanos = new HashMap<>();

    FaultInjector(SimulatedCluster cluster, long endNanos, CrashListener crashes) {
        this.cluster = cluster;
        this.crashes = crashes;
        this.scheduler = cluster.sim;
        this.timeline = cluster.recorder.timeline();
        this.clockFaults = new ClockFaults(cluster.sim, timeline);
        this.endNanos = endNanos;
        this.power = new MembershipOperator.Power() {
            @Override
            public void crash(Member member, CrashMode mode, String reason) {
                powerLoss(member, mode, reason);
            }

            @Override
            public void restart(Member member, String reason) {
                FaultInjector.this.restart(member, reason);
            }
        };
        this.operator = new MembershipOperator(cluster, power);
    }

    /** Schedules every occurrence of {@code f} (none may start before now). */
    void inject(FaultSpec f) {
        FaultSpec.Timing t = f.timing();
        long until = t.untilNanos() > 0 ? Math.min(t.untilNanos(), endNanos) : endNanos;
        for (long at = t.atNanos(); at < until; at += t.everyNanos()) {
            occurrence(f, at, t.forNanos());
            if (t.everyNanos() <= 0) {
                break;
            }
        }
    }

    /**
     * Ends every fault now: the network and every device heal, every scheduled fault switch,
     * crash and restart is dropped, and each member that is down restarts (in id order). Clock
     * drift and steps stay: a clock that is off is not a fault a heal undoes.
     */
    void healAll() {
        epoch++;
        withheldUntilNanos.clear();
        cluster.network.faultSchedule().healAll();
        cluster.devices.values().forEach(io.stormglass.disk.fault.FaultyDevice::healAll);
        for (Member m : cluster.activeMembers()) {
            if (!m.isUp()) {
                restart(m, "every fault healed");
            }
        }
    }

    /** Runs {@code op} on {@code targets} from {@code i} on; defragmentations one after another, as etcdctl's. */
    private void maintain(FaultSpec.Maintenance.Op op, java.util.List<Member> targets, int i) {
        if (i == targets.size()) {
            return;
        }
        Member m = targets.get(i);
        switch (op) {
            case DEFRAG -> {
                String who = "n" + m.id();
                boolean started = m.defragment(() -> {
                    timeline.append(new TimelineEvent.ActivityMarked(scheduler.nowNanos(), who, TimelineEvent.ActivityMarked.DEFRAG, false));
                    maintain(op, targets, i + 1);
                });
                if (started) {
                    timeline.append(new TimelineEvent.ActivityMarked(scheduler.nowNanos(), who, TimelineEvent.ActivityMarked.DEFRAG, true));
                } else {
                    maintain(op, targets, i + 1); // down or already defragmenting: on to the next, as etcdctl on an error
                }
            }
            case COMPACT -> m.compactNow();
            case ALARM_DISARM -> m.disarmAlarms();
        }
        if (op != FaultSpec.Maintenance.Op.DEFRAG) {
            maintain(op, targets, i + 1);
        }
    }

    private void occurrence(FaultSpec f, long at, long forNanos) {
        long lasts = forNanos > 0 ? forNanos : endNanos - at;
        long scheduledEpoch = epoch;
        if (f instanceof FaultSpec.MemberCrash c) {
            scheduler.scheduleAt(at, FAULT, c.member(), () -> {
                if (epoch == scheduledEpoch) {
                    crash(cluster.member(c.member()), c.crashMode(), forNanos, f);
                }
            });
        } else if (f instanceof FaultSpec.Campaign c) {
            scheduler.scheduleAt(at, FAULT, c.member(), () -> {
                if (epoch == scheduledEpoch) {
                    cluster.member(c.member()).campaign();
                }
            });
        } else if (f instanceof FaultSpec.MemberChange || f instanceof FaultSpec.MoveLeader || f instanceof FaultSpec.RollingRestart) {
            scheduler.scheduleAt(at, FAULT, 0, () -> {
                if (epoch == scheduledEpoch) {
                    operate(f);
                }
            });
        } else if (f instanceof FaultSpec.Maintenance m) {
            scheduler.scheduleAt(at, FAULT, 0, () -> {
                if (epoch == scheduledEpoch) {
                    maintain(m.op(), MaintenanceTargets.resolve(m.target(), cluster.members, cluster.leader()), 0);
                }
            });
        } else if (f instanceof FaultSpec.LeaderCrash c) {
            scheduler.scheduleAt(at, FAULT, 0, () -> {
                Member leader = epoch == scheduledEpoch ? cluster.leader() : null;
                if (leader != null) {
                    crash(leader, c.crashMode(), forNanos, f);
                }
            });
        } else if (f instanceof FaultSpec.Partition p) {
            NetworkFault fault = p.sparesClients() ? new NetworkFault.Scoped(p.fault(), memberIds()) : p.fault();
            if (p.flapPeriodNanos() > 0) {
                cluster.network.faultSchedule().flapping(at, at + lasts, p.flapPeriodNanos(), fault);
            } else {
                cluster.network.faultSchedule().during(at, lasts, fault);
            }
        } else if (f instanceof FaultSpec.Degrade d) {
            cluster.network.faultSchedule().during(at, lasts,
                    new NetworkFault.Degrade(memberIds(), d.lossPpm(), d.duplicatePpm(), d.reorderDelayMaxNanos()));
        } else if (f instanceof FaultSpec.WithholdAppends w) {
            if (w.followers() > 0) {
                // the followers are whoever follows when the fault starts: chosen then, not now
                scheduler.scheduleAt(at, FAULT, 0, () -> {
                    if (epoch == scheduledEpoch) {
                        withholdAppends(followersOfLeader(w.followers()), scheduler.nowNanos(), lasts);
                    }
                });
            } else {
                withholdAppends(new TreeSet<>(w.members()), at, lasts);
            }
        } else if (f instanceof FaultSpec.DiskFault d) {
            cluster.devices.get(d.device()).schedule(at, lasts, d.fault());
        } else if (f instanceof FaultSpec.ClockStep s) {
            clockFaults.stepAt(at, s.member(), cluster.clocks.get(s.member()), s.stepNanos());
        } else if (f instanceof FaultSpec.ClockDrift d) {
            NodeClock clock = cluster.clocks.get(d.member());
            clockFaults.driftAt(at, d.member(), clock, d.driftPpm());
            if (forNanos > 0) {
                // a drift with for: lasts that long, then the clock runs at its configured rate again
                clockFaults.driftAt(at + forNanos, d.member(), clock, clock.driftPpm());
            }
        }
    }

    private void operate(FaultSpec f) {
        if (f instanceof FaultSpec.MemberChange c) {
            operator.change(c);
        } else if (f instanceof FaultSpec.MoveLeader m) {
            operator.moveLeader(m.member());
        } else {
            new RollingRestart(cluster, operator, power, (FaultSpec.RollingRestart) f,
                    cluster.scenario.cluster().raft().electionTimeoutNanos()).start();
        }
    }

    /** Drops the leader's appends (traffic class {@code APPEND}) to {@code members} from {@code at} for {@code lasts}. */
    private void withholdAppends(SortedSet<Integer> members, long at, long lasts) {
        for (int m : members) {
            withheldUntilNanos.merge(m, at + lasts, Math::max);
        }
        if (!members.isEmpty()) {
            cluster.network.faultSchedule().during(at, lasts, new NetworkFault.Withhold(members, Set.of(TrafficClass.APPEND)));
        }
    }

    /**
     * The {@code count} highest-id members that are up, follow the current leader and are not withheld from
     * already (so that withholdings started one after another fall on different followers and leave logs of
     * different lengths); none without a leader.
     */
    private SortedSet<Integer> followersOfLeader(int count) {
        SortedSet<Integer> chosen = new TreeSet<>();
        Member leader = cluster.leader();
        long now = scheduler.nowNanos();
        for (int i = cluster.members.size() - 1; i >= 0 && leader != null && chosen.size() < count; i--) {
            Member m = cluster.members.get(i);
            if (m != leader && m.isUp() && withheldUntilNanos.getOrDefault(m.id(), 0L) <= now) {
                chosen.add(m.id());
            }
        }
        return chosen;
    }

    /** Kills the member, loses its disks' unsynced data, and restarts it {@code downNanos} later (never if 0). */
    private void crash(Member member, CrashMode mode, long downNanos, FaultSpec f) {
        if (!member.isUp()) {
            return;
        }
        powerLoss(member, mode, f.describe());
        if (downNanos > 0) {
            long scheduledEpoch = epoch;
            scheduler.schedule(downNanos, FAULT, member.id(), () -> {
                if (epoch == scheduledEpoch && !member.isUp() && cluster.activeMembers().contains(member)) {
                    restart(member, f.describe());
                }
            });
        }
    }

    /** Kills the member and loses its disks' unsynced data as {@code mode} says. */
    private void powerLoss(Member member, CrashMode mode, String reason) {
        timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), "n" + member.id(), reason, true));
        member.crash(reason);
        crashes.crashed(member.id());
        for (SimFileSystem fs : cluster.fileSystems.get(member.id())) {
            fs.crash(mode);
        }
    }

    private void restart(Member member, String fault) {
        timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), "n" + member.id(), fault, false));
        if (!member.start()) {
            crashes.bootFailed(member.id(), member.downReason());
        }
    }

    private SortedSet<Integer> memberIds() {
        SortedSet<Integer> ids = new TreeSet<>();
        cluster.members.forEach(m -> ids.add(m.id()));
        return ids;
    }
}
