package io.stormglass.scenario.print;

import io.stormglass.disk.fit.QuantileCurve;
import io.stormglass.disk.model.CephCluster;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.EmpiricalDisk;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.model.SataSsdDisk;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.disk.neighbour.PeriodicBurstNeighbour;
import io.stormglass.disk.neighbour.PoissonNeighbour;
import io.stormglass.disk.neighbour.PrometheusNeighbour;
import io.stormglass.disk.neighbour.TraceNeighbour;
import io.stormglass.scenario.model.DeviceSpec;
import java.math.BigDecimal;
import java.time.Instant;

/** Prints disk models, Ceph clusters and neighbours under the keys a scenario file uses for them. */
final class DiskPrinter {
    private DiskPrinter() {
    }

    static void device(YamlWriter w, DeviceSpec d) {
        disk(w, d.disk());
        if (d.neighbours().isEmpty()) {
            w.emptyList("neighbours");
            return;
        }
        w.open("neighbours");
        for (DeviceSpec.NamedNeighbour n : d.neighbours()) {
            w.item().text("name", n.name()).value("kind", n.spec().kind());
            neighbour(w, n.spec());
            w.close();
        }
        w.close();
    }

    static void disk(YamlWriter w, DiskSpec spec) {
        w.value("model", spec.model());
        if (spec instanceof NvmeDisk.Options o) {
            w.value("power-loss-protection", o.powerLossProtection()).value("read-latency", us(o.readLatencyMicros()))
                    .value("write-latency", us(o.writeLatencyMicros())).value("flush-latency", us(o.flushLatencyMicros()))
                    .value("plp-flush-latency", us(o.plpFlushLatencyMicros())).value("channels", o.channels())
                    .value("bandwidth", o.bandwidthMiBps() + "MiB/s").value("jitter-sigma", num(o.jitterSigma()));
        } else if (spec instanceof SataSsdDisk.Options o) {
            w.value("read-latency", us(o.readLatencyMicros())).value("write-latency", us(o.writeLatencyMicros()))
                    .value("flush-latency", us(o.flushLatencyMicros())).value("channels", o.channels())
                    .value("bandwidth", o.bandwidthMiBps() + "MiB/s").value("jitter-sigma", num(o.jitterSigma()));
        } else if (spec instanceof HddDisk.Options o) {
            w.value("rpm", o.rpm()).value("capacity", ScenarioPrinter.size(o.capacityBytes()))
                    .value("average-seek", ScenarioPrinter.ms(o.averageSeekMillis()))
                    .value("track-to-track-seek", ScenarioPrinter.ms(o.trackToTrackSeekMillis()))
                    .value("media-rate", o.mediaMiBps() + "MiB/s").value("interface-rate", o.interfaceMiBps() + "MiB/s")
                    .value("command-overhead", us(o.commandOverheadMicros())).value("write-cache", o.writeCacheEnabled())
                    .value("write-cache-size", ScenarioPrinter.size(o.writeCacheBytes()));
        } else if (spec instanceof Raid5Disk.Options o) {
            w.value("members", o.members()).open("member");
            disk(w, o.member());
            w.close().value("stripe-unit", ScenarioPrinter.size(o.stripeUnitBytes()))
                    .value("write-back-cache", ScenarioPrinter.size(o.writeBackCacheBytes()))
                    .value("controller-latency", us(o.controllerLatencyMicros()));
        } else if (spec instanceof CephRbdDisk.Options o) {
            w.text("cluster", o.clusterName()).value("iops-limit", o.iopsLimit() + "/s").value("iops-burst", o.iopsBurst() + "/s")
                    .value("iops-burst-duration", seconds(o.iopsBurstSeconds()))
                    .value("bandwidth-limit", ScenarioPrinter.bandwidth(o.bpsLimit() * 8))
                    .value("bandwidth-burst", ScenarioPrinter.bandwidth(o.bpsBurst() * 8))
                    .value("bandwidth-burst-duration", seconds(o.bpsBurstSeconds()))
                    .value("qos-tick", ScenarioPrinter.duration(o.qosTickMillis() * 1_000_000))
                    .value("guest-queue-depth", o.guestQueueDepth());
        } else if (spec instanceof CloudBlockDisk.Options o) {
            w.value("iops-limit", o.iopsLimit() + "/s").value("throughput", o.throughputMiBps() + "MiB/s")
                    .value("burst-iops", o.burstIops() + "/s").value("burst-balance", o.burstBalanceIos())
                    .value("qos-tick", ScenarioPrinter.duration(o.qosTickMillis() * 1_000_000))
                    .value("io-unit", ScenarioPrinter.size(o.ioUnitKiB() << 10))
                    .value("write-latency", us(o.writeLatencyMicros())).value("read-latency", us(o.readLatencyMicros()))
                    .value("flush-latency", us(o.flushLatencyMicros())).value("channels", o.channels())
                    .value("jitter-sigma", num(o.jitterSigma()));
        } else if (spec instanceof EmpiricalDisk.Options o) {
            w.value("channels", o.channels());
            curve(w, "write-latency", o.writeLatency());
            curve(w, "flush-latency", o.flushLatency());
            curve(w, "read-latency", o.readLatency());
        }
    }

    static void cephCluster(YamlWriter w, CephCluster.Options o) {
        w.value("osds", o.osdCount()).value("replication", o.replicationFactor())
                .value("network-rtt", us(o.networkRttMicros())).value("osd-software-latency", us(o.osdSoftwareLatencyMicros()))
                .value("osd-op-threads", o.osdOpThreads()).value("object-size", ScenarioPrinter.size(o.objectSizeBytes()))
                .value("jitter-sigma", num(o.jitterSigma())).open("osd");
        disk(w, o.osd());
        w.close();
    }

    private static void curve(YamlWriter w, String key, QuantileCurve c) {
        w.open(key);
        for (int i = 0; i < c.probabilities().length; i++) {
            w.value(quantileKey(c.probabilities()[i]), ScenarioPrinter.duration(c.nanos()[i]));
        }
        w.close();
    }

    static String quantileKey(double probability) {
        return "p" + BigDecimal.valueOf(probability).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    private static void neighbour(YamlWriter w, NeighbourSpec spec) {
        if (spec instanceof PrometheusNeighbour.Options o) {
            w.value("series", o.series()).value("scrape-interval", secs(o.scrapeIntervalSeconds()))
                    .value("bytes-per-sample", num(o.bytesPerSample()))
                    .value("index-bytes-per-series", ScenarioPrinter.size(o.indexBytesPerSeries()))
                    .value("wal-bytes-per-sample", num(o.walBytesPerSample()))
                    .value("wal-segment-size", ScenarioPrinter.size(o.walSegmentMiB() << 20))
                    .value("writeback-interval", secs(o.writebackIntervalSeconds()))
                    .value("writeback-io-size", ScenarioPrinter.size(o.writebackIoKiB() << 10))
                    .value("writeback-in-flight", o.writebackInFlight())
                    .value("start-time", Instant.ofEpochSecond(o.startEpochSeconds()).toString())
                    .value("head-block-offset", secs(o.headBlockOffsetSeconds())).value("compactions", o.compactionsEnabled())
                    .value("region-offset", ScenarioPrinter.size(o.regionOffsetBytes()))
                    .value("region-size", ScenarioPrinter.size(o.regionBytes()));
        } else if (spec instanceof PeriodicBurstNeighbour.Options o) {
            w.value("period", secs(o.periodSeconds())).value("phase", secs(o.phaseSeconds()))
                    .value("size", ScenarioPrinter.size(o.burstMiB() << 20)).value("io-size", ScenarioPrinter.size(o.ioKiB() << 10))
                    .value("max-in-flight", o.maxInFlight()).value("op", o.write() ? "write" : "read")
                    .value("flush-at-end", o.flushAtEnd()).value("region-offset", ScenarioPrinter.size(o.regionOffsetBytes()))
                    .value("region-size", ScenarioPrinter.size(o.regionBytes()));
        } else if (spec instanceof PoissonNeighbour.Options o) {
            w.value("rate", num(o.iosPerSecond()) + "/s").value("io-size", ScenarioPrinter.size(o.ioKiB() << 10))
                    .value("writes", o.writePercent() + "%").value("flush-every", o.flushEveryWrites())
                    .value("region-offset", ScenarioPrinter.size(o.regionOffsetBytes()))
                    .value("region-size", ScenarioPrinter.size(o.regionBytes()));
        } else if (spec instanceof TraceNeighbour.Options o) {
            w.value("start", secs(o.startSeconds())).block("csv", o.csv());
        }
    }

    private static String us(long micros) {
        return ScenarioPrinter.duration(micros * 1000);
    }

    private static String secs(long seconds) {
        return ScenarioPrinter.duration(seconds * 1_000_000_000L);
    }

    private static String seconds(double seconds) {
        return ScenarioPrinter.duration(Math.round(seconds * 1e9));
    }

    static String num(double v) {
        return ScenarioPrinter.num(v);
    }
}
