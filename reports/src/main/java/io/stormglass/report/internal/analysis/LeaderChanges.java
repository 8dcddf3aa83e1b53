package io.stormglass.report.internal.analysis;

import io.stormglass.engine.metrics.Label;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.timeline.TimelineEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Finds each change of leader (every leadership after the first) and gathers the evidence about
 * the previous leader in the election timeout before it: the longest WAL fdatasync that may have
 * spanned it, its disk's utilisation and who kept that disk busy, neighbour bursts and
 * faults; and whether it crashed while leading (between taking office and the change).
 *
 * <p>An fdatasync of length {@code d} that completed at {@code c} blocked the raft loop over
 * {@code [c-d, c]}; it is counted if that interval meets {@code [t-timeout, t]} for a change at
 * {@code t}. From windowed maxima the test is conservative at window granularity: a window
 * {@code [s, e)} with maximum {@code m} counts if {@code e ≥ t-timeout} and {@code s-m ≤ t}.
 * {@code slow fdatasync} warnings with a {@code took} field are tested exactly.
 */
public final class LeaderChanges {
    private static final String SLOW_FDATASYNC = "slow fdatasync";

    private final RecordingView view;
    private final SortedMap<Integer, String> walDevices;
    private final long electionTimeoutNanos;
    private final List<MarkedSpan> marked;
    /** Crash times by member: true for a crash, false for a stop after the member's own removal. */
    private final SortedMap<Integer, NavigableMap<Long, Boolean>> crashes = new TreeMap<>();
    /** The operator's membership marks by time. */
    private final NavigableMap<Long, List<String>> operatorMarks = new TreeMap<>();
    /** Longest {@code slow fdatasync} "took" by member and warning time. */
    private final SortedMap<Integer, NavigableMap<Long, Long>> slowSyncs = new TreeMap<>();

    public LeaderChanges(RecordingView view, List<? extends TimelineEvent> events,
                         SortedMap<Integer, String> walDevices, long electionTimeoutNanos) {
        this.view = view;
        this.walDevices = walDevices;
        this.electionTimeoutNanos = electionTimeoutNanos;
        this.marked = MarkedSpan.of(events, view.durationNanos());
        // indexed once, so that each change looks up its evidence without a pass over the whole timeline
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.NodeCrashed c) {
                crashes.computeIfAbsent(c.node(), k -> new TreeMap<>()).put(c.timeNanos(),
                        !TimelineEvent.NodeCrashed.REMOVED.equals(c.reason()));
            } else if (e instanceof TimelineEvent.FaultChanged f && f.target().equals(TimelineEvent.FaultChanged.MEMBERSHIP)) {
                operatorMarks.computeIfAbsent(f.timeNanos(), k -> new ArrayList<>()).add(f.description());
            } else if (e instanceof TimelineEvent.WarningLogged w && w.message().equals(SLOW_FDATASYNC)
                    && w.durationNanos() != TimelineEvent.WarningLogged.NO_DURATION) {
                slowSyncs.computeIfAbsent(w.node(), k -> new TreeMap<>()).merge(w.timeNanos(), w.durationNanos(), Math::max);
            }
        }
    }

    /** Every leader change, in time order. */
    public List<LeaderChange> analyse(RoleLanes lanes) {
        List<LeaderChange> out = new ArrayList<>();
        List<RoleSpan> terms = lanes.leaderships();
        for (int i = 1; i < terms.size(); i++) {
            RoleSpan now = terms.get(i);
            out.add(change(now, terms.get(i - 1)));
        }
        return out;
    }

    private LeaderChange change(RoleSpan now, RoleSpan before) {
        int previous = before.member();
        long t = now.startNanos();
        long from = t - electionTimeoutNanos;
        String device = deviceOf(previous);
        SortedMap<String, Double> shares = device == null ? new TreeMap<>() : busyShares(device, from, t);
        List<String> actions = new ArrayList<>();
        operatorMarks.subMap(from, true, t, true).values().forEach(actions::addAll);
        return new LeaderChange(t, now.term(), previous, now.member(), stopped(previous, before.startNanos(), t, true),
                stopped(previous, before.startNanos(), t, false),
                fsyncMax(previous, from, t), device, device == null ? Double.NaN : utilisationMax(device, from, t),
                Collections.unmodifiableSortedMap(shares), spans(from, t, false), spans(from, t, true), List.copyOf(actions));
    }

    /** Whether {@code member} crashed ({@code crash}) or stopped after its removal (not {@code crash}) in {@code [from, to]}. */
    private boolean stopped(int member, long from, long to, boolean crash) {
        NavigableMap<Long, Boolean> times = crashes.get(member);
        return times != null && times.subMap(from, true, to, true).containsValue(crash);
    }

    private long fsyncMax(int member, long from, long t) {
        long best = 0;
        LatencyRecorder fsync = view.latency(Metric.WAL_FSYNC_DURATION, Label.MEMBER, "n" + member);
        if (fsync != null && view.windows() > 0) {
            for (int w = Math.max(0, view.windowAt(from)); w < fsync.windowCount() && w < view.windows(); w++) {
                long start = view.windowStartNanos(w);
                if (start - LatencyRecorder.MAX_TRACKED_NANOS > t) {
                    break;
                }
                long max = (long) fsync.windowRow(w)[LatencyRecorder.MAX];
                if (view.windowEndNanos(w) >= from && start - max <= t) {
                    best = Math.max(best, max);
                }
            }
        }
        NavigableMap<Long, Long> warnings = slowSyncs.getOrDefault(member, new TreeMap<>());
        for (var w : warnings.subMap(from, true, t + LatencyRecorder.MAX_TRACKED_NANOS, true).entrySet()) {
            if (w.getKey() - w.getValue() <= t) {
                best = Math.max(best, w.getValue());
            }
        }
        return best;
    }

    private double utilisationMax(String device, long from, long to) {
        double best = Double.NaN;
        for (var e : view.gauges(Metric.DISK_UTILISATION).entrySet()) {
            if (!device.equals(e.getKey().label(Label.DEVICE.key()))) {
                continue;
            }
            for (int w = Math.max(0, view.windowAt(from)); w >= 0 && w <= view.windowAt(to); w++) {
                double v = RecordingView.value(e.getValue(), w);
                if (!Double.isNaN(v)) {
                    best = Double.isNaN(best) ? v : Math.max(best, v);
                }
            }
        }
        return best;
    }

    private SortedMap<String, Double> busyShares(String device, long from, long to) {
        SortedMap<String, Long> busy = new TreeMap<>();
        for (var e : view.counters(Metric.DISK_BUSY_NANOS).entrySet()) {
            if (!device.equals(e.getKey().label(Label.DEVICE.key()))) {
                continue;
            }
            long sum = 0;
            for (int w = Math.max(0, view.windowAt(from)); w >= 0 && w <= view.windowAt(to); w++) {
                sum += RecordingView.value(e.getValue(), w);
            }
            String issuer = e.getKey().label(Label.ISSUER.key());
            busy.merge(issuer == null ? "" : issuer, sum, Long::sum);
        }
        long total = busy.values().stream().mapToLong(Long::longValue).sum();
        SortedMap<String, Double> shares = new TreeMap<>();
        if (total > 0) {
            busy.forEach((issuer, nanos) -> shares.put(issuer, nanos / (double) total));
        }
        return shares;
    }

    /** Activity ({@code faults} false) or fault spans that meet {@code [from, to]}, as text, sorted and unique. */
    private List<String> spans(long from, long to, boolean faults) {
        java.util.SortedSet<String> hits = new java.util.TreeSet<>();
        for (MarkedSpan span : marked) {
            if (span.fault() == faults && span.overlaps(from, to)) {
                hits.add(span.label());
            }
        }
        return List.copyOf(hits);
    }

    /** The WAL device of {@code member}: as configured, else a device label with {@code n<id>} as a token. */
    String deviceOf(int member) {
        String configured = walDevices.get(member);
        if (configured != null) {
            return configured;
        }
        String token = "n" + member;
        java.util.SortedSet<String> devices = new java.util.TreeSet<>();
        List<MetricId> ids = new ArrayList<>(view.gauges(Metric.DISK_UTILISATION).keySet());
        for (Counter c : view.counters(Metric.DISK_BUSY_NANOS).values()) {
            ids.add(c.id());
        }
        for (MetricId id : ids) {
            String device = id.label(Label.DEVICE.key());
            if (device != null) {
                for (String part : device.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
                    if (part.equals(token)) {
                        devices.add(device);
                    }
                }
            }
        }
        return devices.isEmpty() ? null : devices.first();
    }
}
