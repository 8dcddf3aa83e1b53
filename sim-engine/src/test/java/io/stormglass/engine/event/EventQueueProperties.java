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
    /** A push (time >= 0) or a pop (time < 0). */
    @Provide
    Arbitrary<List<Long>> operations() {
        return Arbitraries.longs().between(-30, 50).list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void popsInTimeThenSequenceOrderLikeASortedSet(@ForAll("operations") List<Long> ops) {
        EventQueue queue = new EventQueue(2);
        TreeSet<long[]> reference = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long seq = 0;
        for (long op : ops) {
            if (op >= 0) {
                int slot = (int) (seq % 1000);
                queue.push(op, seq, slot);
                reference.add(new long[] {op, seq, slot});
                seq++;
            } else if (!reference.isEmpty()) {
                long[] expected = reference.pollFirst();
                Assertions.assertEquals(expected[0], queue.peekTime());
                Assertions.assertEquals(expected[2], queue.peekSlot());
                queue.pop();
            }
            Assertions.assertEquals(reference.size(), queue.size());
        }
    }
}
