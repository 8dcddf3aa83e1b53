package io.stormglass.experiment.bench;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.LongSupplier;

/**
 * The engine's schedule+dispatch loop against the textbook baseline, a {@link PriorityQueue} of
 * records ordered by (time, sequence), on the same workload in the same process: a steady population
 * of {@code pending} events, each of which schedules its successor at a delay of up to about a
 * millisecond drawn from a fixed linear congruential sequence (the workload of the JMH
 * {@code EventLoopBenchmark}). Rounds alternate between the two loops, so that both see the same
 * machine load; the first {@code warmupRounds} of each only warm the JIT. The score of each loop is
 * the median of its measured rounds, in dispatched events per second.
 */
public final class EngineMicrobench {
    private static final EventKind KIND = EventKind.named("bench.event");

    /** Events per second of each loop, medians of the measured rounds. */
    public record Outcome(double engineEventsPerSecond, double baselineEventsPerSecond) {
        /** How many times faster the engine dispatched than the baseline. */
        public double ratio() {
            return engineEventsPerSecond / Math.max(1e-9, baselineEventsPerSecond);
        }
    }

    private final LongSupplier wallNanos;
    private final int pending;
    private final int eventsPerRound;
    private final int warmupRounds;
    private final int measuredRounds;

    public EngineMicrobench(LongSupplier wallNanos, int pending, int eventsPerRound, int warmupRounds, int measuredRounds) {
        if (pending < 1 || eventsPerRound < 1 || warmupRounds < 0 || measuredRounds < 1) {
            throw new IllegalArgumentException("pending, events per round and measured rounds must be positive");
        }
        this.wallNanos = wallNanos;
        this.pending = pending;
        this.eventsPerRound = eventsPerRound;
        this.warmupRounds = warmupRounds;
        this.measuredRounds = measuredRounds;
    }

    /** 10 000 pending events, 2 million events per round, 3 warm-up and 5 measured rounds per loop. */
    public static EngineMicrobench standard(LongSupplier wallNanos) {
        return new EngineMicrobench(wallNanos, 10_000, 2_000_000, 3, 5);
    }

    public Outcome run() {
        double[] engine = new double[measuredRounds];
        double[] baseline = new double[measuredRounds];
        for (int round = 0; round < warmupRounds + measuredRounds; round++) {
            double e = timed(new EngineLoop(pending));
            double b = timed(new BaselineLoop(pending));
            if (round >= warmupRounds) {
                engine[round - warmupRounds] = e;
                baseline[round - warmupRounds] = b;
            }
        }
        return new Outcome(median(engine), median(baseline));
    }

    /** Events per second of one round of {@code loop}. */
    private double timed(Loop loop) {
        long start = wallNanos.getAsLong();
        loop.dispatch(eventsPerRound);
        long wall = Math.max(1, wallNanos.getAsLong() - start);
        return eventsPerRound * 1e9 / wall;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private interface Loop {
        void dispatch(int events);
    }

    /** The delays both loops draw: up to ~1 ms, spread so that the queue's order keeps changing. */
    private static final class Delays {
        private long lcg = 0x9e3779b97f4a7c15L;

        long next() {
            lcg = lcg * 6364136223846793005L + 1442695040888963407L;
            return (lcg >>> 44) + 1;
        }
    }

    private static final class EngineLoop implements Loop {
        private final Simulation sim;
        private final Delays delays = new Delays();
        private final EventAction reschedule = this::rescheduleSelf;

        EngineLoop(int pending) {
            sim = new Simulation(pending * 4);
            for (int i = 0; i < pending; i++) {
                sim.schedule(delays.next(), KIND, i, reschedule);
            }
        }

        private void rescheduleSelf() {
            sim.schedule(delays.next(), KIND, 0, reschedule);
        }

        @Override
        public void dispatch(int events) {
            for (int i = 0; i < events; i++) {
                sim.step();
            }
        }
    }

    /** The baseline: what a first event loop looks like, one record per event in a binary heap. */
    private static final class BaselineLoop implements Loop {
        private record Event(long atNanos, long sequence, Runnable action) implements Comparable<Event> {
            @Override
            public int compareTo(Event o) {
                int byTime = Long.compare(atNanos, o.atNanos);
                return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
            }
        }

        private final PriorityQueue<Event> queue = new PriorityQueue<>();
        private final Delays delays = new Delays();
        private final Runnable reschedule = this::rescheduleSelf;
        private long nowNanos;
        private long sequence;

        BaselineLoop(int pending) {
            for (int i = 0; i < pending; i++) {
                queue.add(new Event(delays.next(), sequence++, reschedule));
            }
        }

        private void rescheduleSelf() {
            queue.add(new Event(nowNanos + delays.next(), sequence++, reschedule));
        }

        @Override
        public void dispatch(int events) {
            for (int i = 0; i < events; i++) {
                Event e = queue.poll();
                nowNanos = e.atNanos();
                e.action().run();
            }
        }
    }
}
