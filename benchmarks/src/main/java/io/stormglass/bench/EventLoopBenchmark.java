package io.stormglass.bench;

import io.stormglass.engine.event.EventAction;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schedule+dispatch throughput of the event loop with a steady population of pending events.
 *
 * <p>Each operation dispatches one event whose action schedules its successor at a pseudo-random
 * delay, so the queue holds {@code pending} events throughout (the steady state of a busy
 * simulation). In {@code halfCancelled}, every dispatched event also arms a timer, and every other
 * one cancels the timer armed before it, so half of all timers are cancelled before they fire, as
 * election timers are. Scores are operations per second = dispatched events per second, each with
 * its schedule. {@code priorityQueueBaseline} runs the same workload on a {@link PriorityQueue} of
 * records ordered by (time, sequence), the textbook event loop, so that one JMH run compares the
 * engine with it on the same machine at the same moment (issue 23 asks for at least twice its speed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventLoopBenchmark {
    private static final EventKind KIND = EventKind.named("bench.event");
    private static final EventKind TIMER = EventKind.named("bench.timer");
    private static final int BATCH = 100_000;

    @Param({"10000"})
    int pending;

    private Simulation sim;
    private long lcg = 0x9e3779b97f4a7c15L;
    private final EventAction reschedule = this::rescheduleSelf;

    @Setup(Level.Iteration)
    public void setUp() {
        sim = new Simulation(pending * 4);
        for (int i = 0; i < pending; i++) {
            sim.schedule(nextDelay(), KIND, i, reschedule);
        }
    }

    private long nextDelay() {
        lcg = lcg * 6364136223846793005L + 1442695040888963407L;
        return (lcg >>> 44) + 1; // up to ~1 ms, spread so that the heap order keeps changing
    }

    private void rescheduleSelf() {
        sim.schedule(nextDelay(), KIND, 0, reschedule);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long scheduleAndDispatch() {
        for (int i = 0; i < BATCH; i++) {
            sim.step();
        }
        return sim.nowNanos();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long priorityQueueBaseline(BaselineState state) {
        for (int i = 0; i < BATCH; i++) {
            state.step();
        }
        return state.nowNanos;
    }

    /** The baseline loop: one record per event in a binary heap, the same delays as the engine's. */
    @State(Scope.Thread)
    public static class BaselineState {
        private record Event(long atNanos, long sequence, Runnable action) implements Comparable<Event> {
            @Override
            public int compareTo(Event o) {
                int byTime = Long.compare(atNanos, o.atNanos);
                return byTime != 0 ? byTime : Long.compare(sequence, o.sequence);
            }
        }

        @Param({"10000"})
        int pending;

        private PriorityQueue<Event> queue;
        private long lcg = 0x9e3779b97f4a7c15L;
        private long nowNanos;
        private long sequence;
        private final Runnable reschedule = this::rescheduleSelf;

        @Setup(Level.Iteration)
        public void setUp() {
            queue = new PriorityQueue<>();
            nowNanos = 0;
            for (int i = 0; i < pending; i++) {
                queue.add(new Event(delay(), sequence++, reschedule));
            }
        }

        private long delay() {
            lcg = lcg * 6364136223846793005L + 1442695040888963407L;
            return (lcg >>> 44) + 1;
        }

        private void rescheduleSelf() {
            queue.add(new Event(nowNanos + delay(), sequence++, reschedule));
        }

        void step() {
            Event e = queue.poll();
            nowNanos = e.atNanos();
            e.action().run();
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long halfCancelled(CancelState state) {
        Simulation s = state.sim;
        for (int i = 0; i < BATCH; i++) {
            s.step();
        }
        return s.nowNanos();
    }

    /** A population whose events each arm a timer and cancel the previous one. */
    @State(Scope.Thread)
    public static class CancelState {
        Simulation sim;
        private long lcg = 0x2545f4914f6cdd1dL;
        private long armed = Simulation.NO_EVENT;
        private boolean cancelNext;
        private final EventAction noop = () -> { };
        private EventAction self;

        @Param({"10000"})
        int pending;

        @Setup(Level.Iteration)
        public void setUp() {
            sim = new Simulation(pending * 4);
            self = this::fire;
            for (int i = 0; i < pending; i++) {
                sim.schedule(delay(), KIND, i, self);
            }
        }

        private long delay() {
            lcg = lcg * 6364136223846793005L + 1442695040888963407L;
            return (lcg >>> 44) + 1;
        }

        private void fire() {
            // every other firing cancels the timer armed before it: half of all timers never fire
            cancelNext = !cancelNext;
            if (cancelNext) {
                sim.cancel(armed);
            }
            armed = sim.schedule(delay(), TIMER, 1, noop);
            sim.schedule(delay(), KIND, 0, self);
        }
    }
}
