package io.stormglass.experiment.capacity;

import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Gauge;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.report.capacity.Resource;
import io.stormglass.scenario.model.MemberSpec;
import java.util.EnumMap;
import java.util.Map;

/**
 * Reads how busy each resource of the leader was over a step's measured windows, from what the
 * run recorded: {@code disk_utilisation_ratio} of its WAL and data devices and the split of
 * {@code disk_busy_nanos_total} by issuer (the member's own {@code n<id>/wal} and
 * {@code n<id>/data} against any other issuer, a neighbour); the share of the devices' I/O time
 * spent in {@code disk_throttle_wait_seconds}; the busiest of its threads'
 * {@code member_thread_cpu_utilisation_ratio}; and the busiest {@code net_link_utilisation_ratio}
 * to or from it.
 *
 * <p>Values are means over whole windows in {@code [firstWindow, endWindow)} (throttle shares over
 * the measured period), within 0..1.
 */
final class ResourceUsage {
    private final Recorder recorder;
    private final MeasuredPeriod period;
    private final int firstWindow;
    private final int endWindow;

    ResourceUsage(Recorder recorder, MeasuredPeriod period, int firstWindow, int endWindow) {
        this.recorder = recorder;
        this.period = period;
        this.firstWindow = firstWindow;
        this.endWindow = endWindow;
    }

    /** Utilisation of each resource of {@code leader}. */
    Map<Resource, Double> of(MemberSpec leader) {
        Map<Resource, Double> out = new EnumMap<>(Resource.class);
        String label = "n" + leader.id();
        String wal = leader.walDevice();
        String data = leader.dataDevice();
        double walUtil = gaugeMean(Metric.DISK_UTILISATION.id(wal));
        double walShare = busyShare(wal, label + "/wal");
        out.put(Resource.WAL_DEVICE, walUtil);
        if (data.equals(wal)) {
            out.put(Resource.DATA_DEVICE, walUtil * busyShare(wal, label + "/data"));
            out.put(Resource.NEIGHBOUR, walUtil * Math.max(0, 1 - walShare - busyShare(wal, label + "/data")));
            out.put(Resource.THROTTLE, throttleShare(wal));
        } else {
            double dataUtil = gaugeMean(Metric.DISK_UTILISATION.id(data));
            out.put(Resource.DATA_DEVICE, dataUtil);
            double walNeighbour = walUtil * Math.max(0, 1 - walShare);
            double dataNeighbour = dataUtil * Math.max(0, 1 - busyShare(data, label + "/data"));
            out.put(Resource.NEIGHBOUR, Math.max(walNeighbour, dataNeighbour));
            out.put(Resource.THROTTLE, Math.max(throttleShare(wal), throttleShare(data)));
        }
        double cpu = 0;
        double net = 0;
        for (Map.Entry<MetricId, Gauge> g : recorder.gauges().entrySet()) {
            MetricId id = g.getKey();
            if (Metric.MEMBER_THREAD_CPU_UTILISATION.is(id) && label.equals(Metric.label(id, Label.MEMBER))) {
                cpu = Math.max(cpu, mean(g.getValue()));
            } else if (Metric.NET_LINK_UTILISATION.is(id)
                    && (label.equals(Metric.label(id, Label.FROM)) || label.equals(Metric.label(id, Label.TO)))) {
                net = Math.max(net, mean(g.getValue()));
            }
        }
        out.put(Resource.LEADER_CPU, cpu);
        out.put(Resource.NETWORK, net);
        return out;
    }

    private double gaugeMean(MetricId id) {
        Gauge g = recorder.gauges().get(id);
        return g == null ? 0 : mean(g);
    }

    private double mean(Gauge g) {
        int end = Math.min(endWindow, g.windowCount());
        double sum = 0;
        int n = 0;
        for (int i = firstWindow; i < end; i++) {
            sum += g.windowValue(i);
            n++;
        }
        return n == 0 ? 0 : Math.min(1, sum / n);
    }

    /** {@code issuer}'s share of the device's busy time over the measured windows (0 if the device was idle). */
    private double busyShare(String device, String issuer) {
        long mine = 0;
        long all = 0;
        for (Map.Entry<MetricId, Counter> c : recorder.counters().entrySet()) {
            MetricId id = c.getKey();
            if (Metric.DISK_BUSY_NANOS.is(id) && device.equals(Metric.label(id, Label.DEVICE))) {
                long v = windowSum(c.getValue());
                all += v;
                if (issuer.equals(id.label("issuer"))) {
                    mine += v;
                }
            }
        }
        return all == 0 ? 0 : (double) mine / all;
    }

    private long windowSum(Counter c) {
        long sum = 0;
        int end = Math.min(endWindow, c.windowCount());
        for (int i = firstWindow; i < end; i++) {
            sum += c.windowValue(i);
        }
        return sum;
    }

    /** Time requests waited in the device's throttle over the time they took in all (0..1; 0 without a throttle). */
    private double throttleShare(String device) {
        double waited = 0;
        double total = 0;
        for (Map.Entry<MetricId, LatencyRecorder> l : recorder.latencies().entrySet()) {
            MetricId id = l.getKey();
            if (!device.equals(id.label("device"))) {
                continue;
            }
            double sum = period.sumNanos(l.getValue());
            if (Metric.DISK_THROTTLE_WAIT.is(id)) {
                waited += sum;
            } else if (Metric.DISK_IO_DURATION.is(id)) {
                total += sum;
            }
        }
        return total <= 0 ? 0 : Math.min(1, waited / total);
    }
}
