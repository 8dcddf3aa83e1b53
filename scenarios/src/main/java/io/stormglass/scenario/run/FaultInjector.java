package io.stormglass.scenario.run;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.storage.CrashMode;
import io.stormglass.engine.storage.SimFileSystem;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.net.clock.ClockFaults;
import io.stormglass.raft.server.Member;
import io.stormglass.scenario.model.FaultSpec;
import java.util.List;

/**
 * Puts the scenario's fault timeline on the simulation clock. Each fault's occurrences start at
 * {@code at}, then every {@code every} until {@code until} (or the end of the run); each lasts
 * {@code for}. Nothing about a fault's effect is scripted here: a crash kills a member and loses
 * its disks' unsynced data as the crash mode says, a partition cuts links in the network model,
 * a disk fault switches on a fault in the device model; what follows is the system's doing.
 */
final class FaultInjector {
    private static final EventKind FAULT = EventKind.named("fault");

    private final SimulatedCluster cluster;
    private final Scheduler scheduler;
    private final Timeline timeline;
    private final ClockFaults clockFaults;
    private final long endNanos;

    FaultInjector(SimulatedCluster cluster, long endNanos) {
        this.cluster = cluster;
        this.scheduler = cluster.sim;
        this.timeline = cluster.recorder.timeline();
        this.clockFaults = new ClockFaults(cluster.sim, timeline);
        this.endNanos = endNanos;
    }

    void schedule(List<FaultSpec> faults) {
        for (FaultSpec f : faults) {
            FaultSpec.Timing t = f.timing();
            long until = t.untilNanos() > 0 ? Math.min(t.untilNanos(), endNanos) : endNanos;
            for (long at = t.atNanos(); at < until; at += t.everyNanos()) {
                occurrence(f, at, t.forNanos());
                if (t.everyNanos() <= 0) {
                    break;
                }
            }
        }
    }

    private void occurrence(FaultSpec f, long at, long forNanos) {
        long lasts = forNanos > 0 ? forNanos : endNanos - at;
        if (f instanceof FaultSpec.MemberCrash c) {
            scheduler.scheduleAt(at, FAULT, c.member(), () -> crash(cluster.member(c.member()), c.crashMode(), forNanos, f));
        } else if (f instanceof FaultSpec.LeaderCrash c) {
            scheduler.scheduleAt(at, FAULT, 0, () -> {
                Member leader = cluster.leader();
                if (leader != null) {
                    crash(leader, c.crashMode(), forNanos, f);
                }
            });
        } else if (f instanceof FaultSpec.Partition p) {
            if (p.flapPeriodNanos() > 0) {
                cluster.network.faultSchedule().flapping(at, at + lasts, p.flapPeriodNanos(), p.fault());
            } else {
                cluster.network.faultSchedule().during(at, lasts, p.fault());
            }
        } else if (f instanceof FaultSpec.DiskFault d) {
            cluster.devices.get(d.device()).schedule(at, lasts, d.fault());
        } else if (f instanceof FaultSpec.ClockStep s) {
            clockFaults.stepAt(at, s.member(), cluster.clocks.get(s.member()), s.stepNanos());
        } else if (f instanceof FaultSpec.ClockDrift d) {
            clockFaults.driftAt(at, d.member(), cluster.clocks.get(d.member()), d.driftPpm());
        }
    }

    /** Kills the member, loses its disks' unsynced data, and restarts it {@code downNanos} later (never if 0). */
    private void crash(Member member, CrashMode mode, long downNanos, FaultSpec f) {
        if (!member.isUp()) {
            return;
        }
        long now = scheduler.nowNanos();
        String target = "n" + member.id();
        timeline.append(new TimelineEvent.FaultChanged(now, target, f.describe(), true));
        member.crash(f.describe());
        for (SimFileSystem fs : cluster.fileSystems.get(member.id())) {
            fs.crash(mode);
        }
        if (downNanos > 0) {
            scheduler.schedule(downNanos, FAULT, member.id(), () -> {
                timeline.append(new TimelineEvent.FaultChanged(scheduler.nowNanos(), target, f.describe(), false));
                member.start();
            });
        }
    }
}
