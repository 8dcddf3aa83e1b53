package io.stormglass.report;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.random.SimRandom;
import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic recording shaped like the Ceph + Prometheus incident: steady fsyncs and client traffic,
 * then leader changes caused by WAL stalls during neighbour bursts, or by crashes. Every value is
 * scheduled on a real {@link Simulation} and recorded through a real {@link Recorder} with 1 s windows.
 */
final class SyntheticRun {
    static final String SLOW_FDATASYNC = "slow fdatasync";
    static final String HEARTBEAT_WARNING =
            "leader failed to send out heartbeat on time; took too long, leader is overloaded likely from slow disk";
    static final String LEADER_CHANGED = "etcdserver: leader changed";
    static final String DEADLINE = "context deadline exceeded";
    private static final EventKind KIND = EventKind.named("test.synthetic");
    private static final long S = 1_000_000_000L;

    private record Burst(int member, double fromS, double toS) {
    }

    private record Action(long atNanos, Runnable run) {
    }

    private final int members;
    private final double durationS;
    private final Simulation sim = new Simulation();
    private final Recorder recorder = new Recorder(sim);
    private final SimRandom random;
    private final List<Action> actions = new ArrayList<>();
    private final List<Burst> bursts = new ArrayList<>();
    private final double[] utilisation;
    private final double[] queueDepth;
    private String yaml = "name: synthetic\ncluster:\n  members: 3\n";
    private long term = 1;
    private boolean clients = true;

    SyntheticRun(int members, double durationS, long seed) {
        this.members = members;
        this.durationS = durationS;
        this.random = new RandomStreams(seed).stream("synthetic");
        this.utilisation = new double[members + 1];
        this.queueDepth = new double[members + 1];
    }

    /** A run shaped like the incident: two stalls in Prometheus bursts, one crash, one disk fault. */
    static SyntheticRun incident() {
        return new SyntheticRun(3, 120, 42)
                .electFirst(1, 0.7)
                .slowFsyncChange(1, 2, 40.2, 2.14, 41.35)
                .slowFsyncChange(2, 3, 90.1, 1.6, 91.4)
                .fault("disk/n2", "slow x10", 89, 96)
                .crashChange(3, 1, 110, 111.2, 115);
    }

    SyntheticRun withoutClients() {
        clients = false;
        return this;
    }

    SyntheticRun yaml(String text) {
        yaml = text;
        return this;
    }

    SyntheticRun electFirst(int leader, double atS) {
        term++;
        long t = term;
        at(atS - 0.2, () -> role(leader, NodeRole.PRE_CANDIDATE, t - 1));
        at(atS - 0.2, () -> append(new TimelineEvent.ElectionStarted(now(), leader, t - 1, true)));
        at(atS - 0.1, () -> role(leader, NodeRole.CANDIDATE, t));
        at(atS - 0.1, () -> append(new TimelineEvent.ElectionStarted(now(), leader, t, false)));
        at(atS, () -> role(leader, NodeRole.LEADER, t));
        for (int m = 1; m <= members; m++) {
            int member = m;
            at(atS + 0.01, () -> append(new TimelineEvent.LeaderChanged(now(), member, t, 0, leader)));
        }
        return this;
    }

    /**
     * {@code oldLeader}'s WAL fdatasync stalls from {@code stallS} for {@code fsyncS} in a Prometheus burst on
     * its disk; {@code newLeader} wins an election at {@code electS}.
     */
    SyntheticRun slowFsyncChange(int oldLeader, int newLeader, double stallS, double fsyncS, double electS) {
        bursts.add(new Burst(oldLeader, stallS - 0.5, stallS + fsyncS + 1));
        at(stallS - 0.5, () -> append(new TimelineEvent.ActivityMarked(now(), "prometheus", "head-block write", true)));
        at(stallS + fsyncS + 1, () -> append(
                new TimelineEvent.ActivityMarked(now(), "prometheus", "head-block write", false)));
        double done = stallS + fsyncS;
        at(done, () -> {
            recorder.latency(fsyncId(oldLeader)).record((long) (fsyncS * S));
            append(new TimelineEvent.WarningLogged(now(), oldLeader, SLOW_FDATASYNC,
                    Map.of("took", fsyncS + "s", "expected-duration", "1s"), (long) (fsyncS * S)));
            append(new TimelineEvent.WarningLogged(now(), oldLeader, HEARTBEAT_WARNING,
                    Map.of("expected-duration", "200ms")));
            recorder.counter(MetricId.of("etcd_server_heartbeat_send_failures_total", "member", "n" + oldLeader))
                    .add(10);
        });
        long t = election(oldLeader, newLeader, electS);
        at(done, () -> role(oldLeader, NodeRole.FOLLOWER, t));
        at(done + 0.01, () -> append(new TimelineEvent.LeaderChanged(now(), oldLeader, t, oldLeader, newLeader)));
        clientErrors(electS);
        return this;
    }

    /** {@code oldLeader} crashes at {@code crashS}, {@code newLeader} wins at {@code electS}; restart at {@code restartS}. */
    SyntheticRun crashChange(int oldLeader, int newLeader, double crashS, double electS, double restartS) {
        long before = term;
        at(crashS, () -> {
            append(new TimelineEvent.NodeCrashed(now(), oldLeader, "power loss"));
            role(oldLeader, NodeRole.DOWN, before);
        });
        long t = election(oldLeader, newLeader, electS);
        at(restartS, () -> {
            append(new TimelineEvent.NodeRestarted(now(), oldLeader));
            role(oldLeader, NodeRole.FOLLOWER, t);
        });
        at(restartS + 0.1, () -> append(new TimelineEvent.LeaderChanged(now(), oldLeader, t, 0, newLeader)));
        clientErrors(electS);
        return this;
    }

    /** The operator moves leadership from {@code oldLeader} to {@code newLeader} at {@code atS}; it leads 50 ms later. */
    SyntheticRun moveLeader(int oldLeader, int newLeader, double atS) {
        at(atS, () -> append(new TimelineEvent.FaultChanged(now(), TimelineEvent.FaultChanged.MEMBERSHIP,
                "move-leader to n" + newLeader, true)));
        long t = election(oldLeader, newLeader, atS + 0.15);
        at(atS + 0.05, () -> role(oldLeader, NodeRole.FOLLOWER, t));
        return this;
    }

    /** {@code oldLeader} applies its own removal and stops at {@code stopS}; {@code newLeader} wins at {@code electS}. */
    SyntheticRun removalChange(int oldLeader, int newLeader, double stopS, double electS) {
        long before = term;
        at(stopS, () -> {
            append(new TimelineEvent.NodeCrashed(now(), oldLeader, TimelineEvent.NodeCrashed.REMOVED));
            role(oldLeader, NodeRole.DOWN, before);
        });
        election(oldLeader, newLeader, electS);
        return this;
    }

    SyntheticRun fault(String target, String description, double fromS, double toS) {
        at(fromS, () -> append(new TimelineEvent.FaultChanged(now(), target, description, true)));
        at(toS, () -> append(new TimelineEvent.FaultChanged(now(), target, description, false)));
        return this;
    }

    /** {@code member} defragmented over {@code [fromS, toS)}; a put waits for it and takes {@code putS}. */
    SyntheticRun defrag(int member, double fromS, double toS, double putS) {
        String who = "n" + member;
        at(fromS, () -> append(new TimelineEvent.ActivityMarked(now(), who, TimelineEvent.ActivityMarked.DEFRAG, true)));
        at(toS, () -> {
            append(new TimelineEvent.ActivityMarked(now(), who, TimelineEvent.ActivityMarked.DEFRAG, false));
            recorder.latency(MetricId.of("client_request_duration_seconds", "op", "put")).record((long) (putS * S));
        });
        return this;
    }

    /** {@code from} sent {@code to} a database snapshot at {@code atS}, answered {@code tookS} later, or failed if {@code tookS} is 0. */
    SyntheticRun snapshot(int from, int to, double atS, double tookS) {
        at(atS, () -> {
            if (tookS > 0) {
                recorder.latency(Metric.SNAPSHOT_SEND_DURATION.id("n" + from, "n" + to)).record((long) (tookS * S));
            } else {
                recorder.counter(Metric.SNAPSHOT_SEND_FAILURES.id("n" + from, "n" + to)).increment();
            }
        });
        return this;
    }

    /** Schedules an election won by {@code newLeader} at {@code electS}; returns its term. */
    private long election(int oldLeader, int newLeader, double electS) {
        long t = ++term;
        at(electS - 0.1, () -> {
            role(newLeader, NodeRole.PRE_CANDIDATE, t - 1);
            append(new TimelineEvent.ElectionStarted(now(), newLeader, t - 1, true));
        });
        at(electS - 0.05, () -> {
            role(newLeader, NodeRole.CANDIDATE, t);
            append(new TimelineEvent.ElectionStarted(now(), newLeader, t, false));
        });
        for (int m = 1; m <= members; m++) {
            int member = m;
            if (m != oldLeader && m != newLeader) {
                at(electS - 0.04, () -> append(new TimelineEvent.LeaderChanged(now(), member, t, oldLeader, 0)));
                at(electS + 0.01, () -> append(new TimelineEvent.LeaderChanged(now(), member, t, 0, newLeader)));
            }
        }
        at(electS, () -> role(newLeader, NodeRole.LEADER, t));
        return t;
    }

    private void clientErrors(double electS) {
        if (clients) {
            at(electS, () -> {
                recorder.counter(MetricId.of("client_errors_total", "error", LEADER_CHANGED)).add(20);
                recorder.counter(MetricId.of("client_errors_total", "error", DEADLINE)).add(5);
            });
        }
    }

    RunRecord build() {
        TreeMap<Integer, String> devices = new TreeMap<>();
        List<Integer> ids = new ArrayList<>();
        for (int m = 1; m <= members; m++) {
            int member = m;
            ids.add(m);
            devices.put(m, "ceph-n" + m);
            recorder.gauge(MetricId.of("disk_utilisation_ratio", "device", "ceph-n" + m), () -> utilisation[member]);
            recorder.gauge(MetricId.of("disk_queue_depth", "device", "ceph-n" + m), () -> queueDepth[member]);
        }
        for (int second = 0; second < (int) Math.ceil(durationS); second++) {
            int s = second;
            at(s + 0.5, () -> steadySecond(s));
        }
        actions.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        for (Action a : actions) {
            sim.scheduleAt(a.atNanos(), KIND, 0, a.run()::run);
        }
        recorder.start();
        long end = (long) (durationS * S);
        sim.runUntil(end);
        recorder.closePartialWindow();
        TreeMap<String, String> settings = new TreeMap<>();
        settings.put("disk/n1", "ceph-rbd iops-limit=1000");
        return new RunRecord("synthetic-incident", "A synthetic leader-flapping run <for tests>.", 42,
                "0123456789abcdef", end, 1.25, sim.dispatchedEvents(), yaml,
                "./stormglass run scenarios/synthetic.yaml --seed 42",
                new RaftTimeouts(100_000_000L, 1_000_000_000L), settings, ids, devices, recorder);
    }

    /** One second of steady traffic: fsyncs, disk busy time by issuer, client requests. */
    private void steadySecond(int second) {
        for (int m = 1; m <= members; m++) {
            boolean burst = inBurst(m, second);
            long walBusy = 0;
            int fsyncs = burst ? 5 : 50;
            for (int i = 0; i < fsyncs; i++) {
                long nanos = 1_500_000L + random.nextLong(1_000_000L);
                recorder.latency(fsyncId(m)).record(nanos);
                walBusy += nanos;
            }
            if (burst) {
                recorder.counter(busyId(m, "prometheus")).add(970_000_000L);
                recorder.counter(busyId(m, "wal/n" + m)).add(30_000_000L);
                utilisation[m] = 1.0;
                queueDepth[m] = 64;
            } else {
                recorder.counter(busyId(m, "prometheus")).add(20_000_000L);
                recorder.counter(busyId(m, "wal/n" + m)).add(walBusy);
                utilisation[m] = (walBusy + 20_000_000L) / 1e9;
                queueDepth[m] = 1;
            }
        }
        if (!clients) {
            return;
        }
        boolean slow = bursts.stream().anyMatch(b -> second >= b.fromS() && second < b.toS());
        for (String op : new String[] {"put", "get_linearizable"}) {
            for (int i = 0; i < 100; i++) {
                long nanos = slow ? 800_000_000L + random.nextLong(400_000_000L)
                        : (op.equals("put") ? 2_000_000L : 1_200_000L) + (long) (Math.abs(random.nextGaussian()) * 1_000_000L);
                recorder.latency(MetricId.of("client_request_duration_seconds", "op", op)).record(nanos);
            }
            recorder.counter(MetricId.of("client_requests_total", "op", op)).add(100);
        }
    }

    private boolean inBurst(int member, int second) {
        return bursts.stream().anyMatch(b -> b.member() == member && second + 1 > b.fromS() && second < b.toS());
    }

    private static MetricId fsyncId(int member) {
        return MetricId.of("etcd_disk_wal_fsync_duration_seconds", "member", "n" + member);
    }

    private static MetricId busyId(int member, String issuer) {
        return MetricId.of("disk_busy_nanos_total", "device", "ceph-n" + member, "issuer", issuer);
    }

    private void role(int member, NodeRole role, long t) {
        append(new TimelineEvent.RoleChanged(now(), member, role, t));
    }

    private void append(TimelineEvent e) {
        recorder.timeline().append(e);
    }

    private long now() {
        return sim.nowNanos();
    }

    private void at(double seconds, Runnable run) {
        actions.add(new Action(Math.round(seconds * S), run));
    }
}
