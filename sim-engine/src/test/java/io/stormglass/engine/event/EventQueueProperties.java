package io.stormglass.engine.event;

import io.stormglass.engine.event.internal.EventQueue;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

class EventQueueProperties {
    /** A push (at this many nanoseconds after the last time popped, if >= 0) or a pop (< 0). */
    @Provide
    Arbitrary<List<Long>> operations() {
        return Arbitraries.longs().between(-30, 50).list().ofMaxSize(400);
    }

    @Property(tries = 1000)
    void popsInTimeThenSequenceOrderLikeASortedSet(@ForAll("operations") List<Long> ops) {
        EventQueue queue = new EventQueue(2);
        TreeSet<long[]> reference = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long seq = 0;
        long lastPopped = 0;
        for (long op : ops) {
            if (op >= 0) {
                // a simulation schedules at or after the time it reached: times never go below the last popped
                long time = lastPopped + op * (op % 7 == 0 ? 1_000_003L : op % 5 == 0 ? 4_099L : 1);
                int slot = (int) (seq % 1000);
                queue.push(time, seq, slot);
                reference.add(new long[] {time, seq, slot});
                seq++;
            } else if (!reference.isEmpty()) {
                long[] expected = reference.pollFirst();
                Assertions.assertEquals(expected[0], queue.peekTime());
                if (op % 3 == 0) {
                    // peeking without popping must let earlier times (down to the last popped) still be pushed
                    reference.add(expected);
                    long early = lastPopped + (expected[0] - lastPopped) / 2;
                    queue.push(early, seq, (int) (seq % 1000));
                    reference.add(new long[] {early, seq, seq % 1000});
                    seq++;
                    expected = reference.pollFirst();
                    Assertions.assertEquals(expected[0], queue.peekTime());
                }
                Assertions.assertEquals(expected[2], queue.peekSlot());
                queue.pop();
                lastPopped = expected[0];
            }
            Assertions.assertEquals(reference.size(), queue.size());
        }
    }

    /**
     * Sparse pushes anywhere up to past the wheel's span (about 1.05 ms) and a pop after each few: the
     * next event is often many words of the slot bitmap away, before or after the cursor's own word.
     */
    @Property(tries = 500)
    void sparseEventsAcrossTheWholeWheelPopInOrder(@ForAll("sparseDelays") List<Long> delays) {
        EventQueue queue = new EventQueue(2);
        TreeSet<long[]> reference = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long lastPopped = 0;
        for (int i = 0; i < delays.size(); i++) {
            long time = lastPopped + delays.get(i);
            queue.push(time, i, i % 1000);
            reference.add(new long[] {time, i, i % 1000});
            if (i % 3 == 2) {
                long[] expected = reference.pollFirst();
                Assertions.assertEquals(expected[0], queue.peekTime());
                Assertions.assertEquals(expected[2], queue.peekSlot());
                queue.pop();
                lastPopped = expected[0];
            }
        }
        while (!reference.isEmpty()) {
            long[] expected = reference.pollFirst();
            Assertions.assertEquals(expected[0], queue.peekTime());
            Assertions.assertEquals(expected[2], queue.peekSlot());
            queue.pop();
        }
        Assertions.assertTrue(queue.isEmpty());
    }

    @Provide
    Arbitrary<List<Long>> sparseDelays() {
        long span = EventQueue.SPAN_NANOS;
        return Arbitraries.oneOf(Arbitraries.longs().between(0, span * 6 / 5), Arbitraries.longs().between(span - 100_000, span + 1_000),
                Arbitraries.longs().between(0, 300)).list().ofMaxSize(200);
    }
}
