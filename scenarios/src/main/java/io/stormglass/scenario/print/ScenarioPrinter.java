package io.stormglass.scenario.print;

import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.net.ConnectionMap;
import io.stormglass.net.LinkSpec;
import io.stormglass.net.latency.Constant;
import io.stormglass.net.latency.Empirical;
import io.stormglass.net.latency.Jittered;
import io.stormglass.net.latency.LatencyDistribution;
import io.stormglass.net.latency.LogNormal;
import io.stormglass.net.latency.Pareto;
import io.stormglass.net.latency.Quantiles;
import io.stormglass.net.latency.TailMixture;
import io.stormglass.net.latency.TruncatedNormal;
import io.stormglass.net.latency.Uniform;
import io.stormglass.raft.client.RetryPolicy;
import io.stormglass.scenario.model.ChecksSpec;
import io.stormglass.scenario.model.ClientSpec;
import io.stormglass.scenario.model.DeviceSpec;
import io.stormglass.scenario.model.FaultSpec;
import io.stormglass.scenario.model.MemberSpec;
import io.stormglass.scenario.model.NetworkSpec;
import io.stormglass.scenario.model.OutputSpec;
import io.stormglass.scenario.model.RaftSpec;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.model.WorkloadSpec;
import io.stormglass.scenario.units.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints a resolved {@link Scenario} — the seed and every parameter, defaults included — as a
 * scenario file in the schema of {@code docs/scenarios.md}: devices expanded one per member, each
 * member with its devices, placement and clock. Loading the printout gives the same scenario (a
 * trace neighbour excepted, whose CSV is not repeated), so a run's configuration can be saved and
 * replayed. Output depends only on the scenario: keys in a fixed order, maps sorted.
 */
public final class ScenarioPrinter {
    private ScenarioPrinter() {
    }

    public static String print(Scenario s) {
        YamlWriter w = new YamlWriter();
        w.comment("resolved from " + s.file() + " (every default filled in)");
        w.text("name", s.name()).value("description", YamlWriter.doubleQuoted(s.description().strip()));
        w.value("seed", s.seed()).value("duration", duration(s.durationNanos())).value("warmup", duration(s.warmupNanos()))
                .value("metrics-window", duration(s.metricsWindowNanos()));
        cluster(w, s);
        cephClusters(w, s);
        w.open("disks");
        for (DeviceSpec d : s.devices().values()) {
            w.open(d.name());
            DiskPrinter.device(w, d);
            w.close();
        }
        w.close();
        network(w, s.network());
        workload(w, s.workload());
        client(w, s.client());
        faults(w, s);
        OutputSpec o = s.outputs();
        w.open("outputs");
        if (o.dir() != null) {
            w.text("dir", o.dir());
        }
        w.value("report", o.report()).value("member-logs", o.memberLogs()).value("history", o.history()).close();
        ChecksSpec c = s.checks();
        if (c.any()) {
            w.open("checks").value("safety", c.safety()).value("linearizability", c.linearizability())
                    .value("liveness", duration(c.livenessBoundNanos()))
                    .value("linearizability-steps", c.linearizabilitySteps()).close();
        }
        return w.toString();
    }

    private static void cluster(YamlWriter w, Scenario s) {
        RaftSpec r = s.cluster().raft();
        w.open("cluster").value("size", s.cluster().size()).value("flavour", RaftSpec.yamlName(r.flavour()))
                .value("tick-interval", duration(r.tickIntervalNanos()))
                .value("heartbeat-interval", duration(r.heartbeatIntervalNanos()));
        if (r.electionTimeoutIsScalar()) {
            w.value("election-timeout", duration(r.electionTimeoutNanos()));
        } else {
            w.open("election-timeout").value("min", duration(r.electionTimeoutNanos()))
                    .value("max", duration(r.electionTimeoutMaxNanos())).close();
        }
        w.value("pre-vote", r.preVote())
                .value("check-quorum", r.checkQuorum()).value("snapshot-count", r.snapshotCount())
                .value("snapshot-catch-up-entries", r.snapshotCatchUpEntries()).value("max-inflight-msgs", r.maxInflightMsgs())
                .value("max-size-per-msg", size(r.maxSizePerMsgBytes()))
                .value("backend-batch-interval", duration(r.backendBatchIntervalNanos()))
                .value("backend-batch-limit", r.backendBatchLimit());
        w.open("cpu").value("step-message", duration(r.cpu().stepMessageNanos())).value("ready", duration(r.cpu().readyNanos()))
                .value("persist-entry", duration(r.cpu().persistEntryNanos()))
                .value("apply-entry", duration(r.cpu().applyEntryNanos())).value("request", duration(r.cpu().requestNanos()))
                .close();
        w.open("members");
        for (MemberSpec m : s.cluster().members()) {
            w.open(String.valueOf(m.id())).text("wal-disk", m.walDevice()).text("data-disk", m.dataDevice())
                    .text("region", m.placement().region()).text("zone", m.placement().zone())
                    .text("rack", m.placement().rack()).value("clock-drift", m.clock().driftPpm() + "ppm")
                    .value("clock-offset", Units.formatSignedDuration(Math.round(m.clock().offsetMs() * 1e6))).close();
        }
        w.close().close();
    }

    private static void cephClusters(YamlWriter w, Scenario s) {
        Map<String, CephCluster.Options> clusters = new TreeMap<>();
        s.devices().values().forEach(d -> {
            if (d.disk() instanceof CephRbdDisk.Options o) {
                clusters.put(o.clusterName(), o.cluster());
            }
        });
        if (clusters.isEmpty()) {
            return;
        }
        w.open("ceph-clusters");
        clusters.forEach((name, o) -> {
            w.open(name);
            DiskPrinter.cephCluster(w, o);
            w.close();
        });
        w.close();
    }

    private static void network(YamlWriter w, NetworkSpec n) {
        w.open("network");
        link(w, n.defaultLink());
        w.value("nic-bandwidth", bandwidth(n.options().nicBandwidthBitsPerSecond()))
                .value("connections", n.options().connections().equals(ConnectionMap.single()) ? "single" : "etcd");
        if (n.clientLink() != null) {
            w.open("client-link");
            link(w, n.clientLink());
            w.close();
        }
        if (!n.regionRtts().isEmpty()) {
            w.open("regions");
            n.regionRtts().forEach(r -> w.value(r.regionA() + "/" + r.regionB(), ms(r.rttMs())));
            w.close();
        }
        if (!n.overrides().isEmpty()) {
            w.open("links");
            for (NetworkSpec.LinkOverride o : n.overrides()) {
                w.item().value("from", o.from()).value("to", o.to()).value("both-ways", o.bothWays());
                link(w, o.link());
                w.close();
            }
            w.close();
        }
        w.close();
    }

    private static void link(YamlWriter w, LinkSpec l) {
        w.open("latency");
        latency(w, l.latency());
        w.close().value("bandwidth", bandwidth(l.bandwidthBitsPerSecond()))
                .value("ordering", l.ordering().name().toLowerCase(Locale.ROOT)).value("loss", l.lossPpm() + "ppm")
                .value("duplicate", l.duplicatePpm() + "ppm").value("corrupt", l.corruptPpm() + "ppm")
                .value("reorder", l.reorderPpm() + "ppm").value("reorder-delay", ms(l.reorderDelayMs()));
    }

    private static void latency(YamlWriter w, LatencyDistribution d) {
        if (d instanceof TailMixture t) {
            latency(w, t.body());
            w.open("tail").value("probability", t.tailPpm() + "ppm");
            latency(w, t.tail());
            w.close();
        } else if (d instanceof Jittered j) {
            latency(w, j.base());
            w.value("jitter", ms(j.jitterMaxMs()));
        } else if (d instanceof Constant c) {
            w.value("distribution", "constant").value("value", ms(c.latencyMs()));
        } else if (d instanceof Uniform u) {
            w.value("distribution", "uniform").value("min", ms(u.minMs())).value("max", ms(u.maxMs()));
        } else if (d instanceof TruncatedNormal n) {
            w.value("distribution", "normal").value("mean", ms(n.meanMs())).value("stddev", ms(n.stddevMs()))
                    .value("min", ms(n.minMs())).value("max", ms(n.maxMs()));
        } else if (d instanceof LogNormal l) {
            w.value("distribution", "lognormal").value("median", ms(l.medianMs())).value("p99", ms(l.p99Ms()));
        } else if (d instanceof Pareto p) {
            w.value("distribution", "pareto").value("scale", ms(p.scaleMs())).value("shape", num(p.shape()))
                    .value("cap", ms(p.capMs()));
        } else if (d instanceof Empirical e) {
            StringBuilder list = new StringBuilder("[");
            for (double v : e.samplesMs()) {
                list.append(list.length() > 1 ? ", " : "").append(ms(v));
            }
            w.value("distribution", "empirical").value("samples", list.append(']'));
        } else if (d instanceof Quantiles q) {
            w.value("distribution", "quantiles").open("points");
            for (int i = 0; i < q.probabilities().length; i++) {
                w.value(DiskPrinter.quantileKey(q.probabilities()[i]), ms(q.valuesMs()[i]));
            }
            w.close();
        }
    }

    private static void workload(YamlWriter w, WorkloadSpec wl) {
        w.open("workload");
        if (wl.arrival() instanceof WorkloadSpec.Arrival.ClosedLoop c) {
            w.value("clients", c.clients()).value("think-time", duration(c.thinkNanos()));
        } else if (wl.arrival() instanceof WorkloadSpec.Arrival.OpenLoop o) {
            w.value("rate", num(o.ratePerSecond()) + "/s").value("clients", o.clients());
        } else {
            w.comment("no generic load (neither clients nor rate)");
        }
        WorkloadSpec.OpMix m = wl.mix();
        w.open("mix").value("put", num(m.put())).value("get", num(m.getLinearizable()))
                .value("serializable-get", num(m.getSerializable())).value("delete", num(m.delete()))
                .value("txn", num(m.txn())).value("cas", num(m.cas())).close();
        w.open("keys").value("count", wl.keys().count());
        if (wl.keys().zipfExponent() > 0) {
            w.value("distribution", "zipf").value("exponent", num(wl.keys().zipfExponent()));
        } else {
            w.value("distribution", "uniform");
        }
        w.close().open("value-size").value("min", size(wl.valueMinBytes())).value("max", size(wl.valueMaxBytes())).close();
        WorkloadSpec.ControlPlane cp = wl.controlPlane();
        if (cp != null) {
            w.open("control-plane").value("candidates", cp.candidates()).value("lease-ttl", duration(cp.leaseTtlNanos()))
                    .value("keepalive-interval", duration(cp.keepAliveIntervalNanos()))
                    .value("check-interval", duration(cp.checkIntervalNanos())).close();
        }
        w.close();
    }

    private static void client(YamlWriter w, ClientSpec c) {
        w.open("client").value("request-timeout", duration(c.requestTimeoutNanos()))
                .value("attempt-timeout", duration(c.attemptTimeoutNanos())).open("retry");
        RetryPolicy r = c.retry();
        if (r instanceof RetryPolicy.None) {
            w.value("policy", "none");
        } else if (r instanceof RetryPolicy.Fixed f) {
            w.value("policy", "fixed").value("delay", duration(f.delayNanos())).value("jitter", 0);
        } else if (r instanceof RetryPolicy.Exponential e && e.baseNanos() == e.maxNanos()) {
            w.value("policy", "fixed").value("delay", duration(e.baseNanos())).value("jitter", num(e.jitterFraction()));
        } else if (r instanceof RetryPolicy.Exponential e) {
            w.value("policy", "exponential").value("base", duration(e.baseNanos())).value("max", duration(e.maxNanos()))
                    .value("jitter", num(e.jitterFraction()));
        }
        w.value("max-retries", c.maxRetries()).close().close();
    }

    private static void faults(YamlWriter w, Scenario s) {
        if (s.faults().isEmpty()) {
            w.emptyList("faults");
            return;
        }
        w.open("faults");
        for (FaultSpec f : s.faults()) {
            w.item();
            FaultPrinter.fault(w, f);
            w.close();
        }
        w.close();
    }

    static String duration(long nanos) {
        return Units.formatDuration(nanos);
    }

    static String ms(double millis) {
        return Units.formatDuration(Math.round(millis * 1e6));
    }

    static String size(long bytes) {
        return Units.formatSize(bytes);
    }

    static String bandwidth(long bitsPerSecond) {
        return bitsPerSecond == 0 ? "0bit/s" : Units.formatBitsPerSecond(bitsPerSecond);
    }

    /** A number in its shortest exact form (15 significant digits). */
    static String num(double v) {
        return BigDecimal.valueOf(v).round(MathContext.DECIMAL64).stripTrailingZeros().toPlainString();
    }
}
