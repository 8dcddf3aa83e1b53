package io.stormglass.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.Histogram;

class RunHistogramProperties {
    /** Values over the whole trackable range, more than a batch of them; 0 marks a query. */
    @Provide
    Arbitrary<List<Long>> values() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 5_000_000), Arbitraries.longs().between(1, LatencyRecorder.MAX_TRACKED_NANOS),
                Arbitraries.just(0L)).list().ofMaxSize(3 * RunHistogram.BATCH);
    }

    @Property(tries = 200)
    void answersAsTheHistogramFedOneValueAtATime(@ForAll("values") List<Long> values) {
        RunHistogram batched = new RunHistogram(LatencyRecorder.MAX_TRACKED_NANOS);
        Histogram plain = new Histogram(1, LatencyRecorder.MAX_TRACKED_NANOS, 3);
        for (long v : values) {
            if (v == 0) {
                assertSame(plain, batched);
            } else {
                batched.record(v);
                plain.recordValue(v);
            }
            assertEquals(plain.getTotalCount(), batched.totalCount());
        }
        assertSame(plain, batched);
    }

    private static void assertSame(Histogram plain, RunHistogram batched) {
        Histogram settled = batched.settled();
        assertEquals(plain, settled);
        assertEquals(plain.getMaxValue(), settled.getMaxValue());
        assertEquals(plain.getMinNonZeroValue(), settled.getMinNonZeroValue());
        assertEquals(plain.getMean(), settled.getMean(), 0.0);
        assertEquals(plain.getValueAtPercentile(99.9), settled.getValueAtPercentile(99.9));
    }
}
