package io.stormglass.engine.metrics;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.timeline.Timeline;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

/**
 * Everything a run records: counters, latency histograms, sampled gauges (each with a series
 * per time window) and the typed timeline.
 *
 * <p>A periodic event scheduled by {@link #start()} fires at every multiple of the base window
 * width, for the whole run. Memory is bounded for any simulated duration: when a series would
 * exceed {@code maxWindows} rows, every series merges adjacent rows pairwise and the row width
 * doubles, so all series stay aligned; from then on a row closes on every second (fourth, ...)
 * window event. The events themselves never change with coarsening, so the event trace (and the
 * run's fingerprint) does not depend on {@code maxWindows}.
 *
 * <p>Metrics are created on first use and listed in {@link MetricId} order, never in hash order.
 */
public final class Recorder {
    private static final EventKind WINDOW = EventKind.named("recorder.window");

    private final Scheduler scheduler;
    private final int maxWindows;
    private final Timeline timeline;
    private final SortedMap<MetricId, Counter> counters = new TreeMap<>();
    private final SortedMap<MetricId, LatencyRecorder> latencies = new TreeMap<>();
    private final SortedMap<MetricId, Gauge> gauges = new TreeMap<>();
    private final long baseWindowNanos;
    private long windowNanos;
    private long baseWindowsElapsed;
    private int closedWindows;
    private boolean started;

    /**
     * @param windowNanos width of a window in nanoseconds (it doubles whenever series coarsen)
     * @param maxWindows  the most windows a series keeps before coarsening, at least 2 (rounded up to even)
     * @param maxTimelineEvents the most timeline events kept in memory (later ones are counted and streamed to listeners only)
     */
    public Recorder(Scheduler scheduler, long windowNanos, int maxWindows, int maxTimelineEvents) {
        if (windowNanos <= 0 || maxWindows < 2) {
            throw new IllegalArgumentException("window must be positive and maxWindows at least 2");
        }
        this.scheduler = scheduler;
        this.baseWindowNanos = windowNanos;
        this.windowNanos = windowNanos;
        this.maxWindows = maxWindows + (maxWindows & 1);
        this.timeline = new Timeline(maxTimelineEvents);
    }

    /** A recorder with 1 s windows, at most 16 384 windows, and up to a million timeline events in memory. */
    public Recorder(Scheduler scheduler) {
        this(scheduler, 1_000_000_000L, 16_384, 1_000_000);
    }

    /** Schedules the window-closing events; call once before the run. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        scheduleNextWindow();
    }

    public Counter counter(MetricId id) {
        return counters.computeIfAbsent(id, k -> new Counter(k, maxWindows));
    }

    public LatencyRecorder latency(MetricId id) {
        return latencies.computeIfAbsent(id, k -> new LatencyRecorder(k, maxWindows));
    }

    /** Registers a gauge sampled at the end of each window; a second registration keeps the first sampler. */
    public Gauge gauge(MetricId id, DoubleSupplier sampler) {
        return gauges.computeIfAbsent(id, k -> new Gauge(k, sampler, maxWindows));
    }

    public Timeline timeline() {
        return timeline;
    }

    public SortedMap<MetricId, Counter> counters() {
        return Collections.unmodifiableSortedMap(counters);
    }

    public SortedMap<MetricId, LatencyRecorder> latencies() {
        return Collections.unmodifiableSortedMap(latencies);
    }

    public SortedMap<MetricId, Gauge> gauges() {
        return Collections.unmodifiableSortedMap(gauges);
    }

    /** Current window width in nanoseconds. */
    public long windowNanos() {
        return windowNanos;
    }

    /** Number of closed windows; window {@code i} covers {@code [i·windowNanos, (i+1)·windowNanos)}. */
    public int closedWindows() {
        return closedWindows;
    }

    /**
     * Closes the window in progress early, so that its data is visible. Call once, at the end of
     * a run: the last window is then shorter than the others.
     */
    public void closePartialWindow() {
        closeWindow();
    }

    private void scheduleNextWindow() {
        long end = (baseWindowsElapsed + 1) * baseWindowNanos;
        scheduler.scheduleAt(Math.max(end, scheduler.nowNanos()), WINDOW, 0, () -> {
            baseWindowsElapsed++;
            // a coarsened row spans windowNanos / baseWindowNanos base windows; it closes on the last
            if (baseWindowsElapsed % (windowNanos / baseWindowNanos) == 0) {
                closeWindow();
            }
            scheduleNextWindow();
        });
    }

    private void closeWindow() {
        int index = closedWindows;
        for (Counter c : counters.values()) {
            c.closeWindow(index);
        }
        for (LatencyRecorder l : latencies.values()) {
            l.closeWindow(index);
        }
        for (Gauge g : gauges.values()) {
            g.closeWindow(index);
        }
        closedWindows++;
        if (closedWindows >= maxWindows) {
            // maxWindows is even, so every merged pair is two full windows
            counters.values().forEach(Counter::coarsen);
            latencies.values().forEach(LatencyRecorder::coarsen);
            gauges.values().forEach(Gauge::coarsen);
            closedWindows /= 2;
            windowNanos *= 2;
        }
    }
}
