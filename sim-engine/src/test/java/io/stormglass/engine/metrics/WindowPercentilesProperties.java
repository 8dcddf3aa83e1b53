package io.stormglass.engine.metrics;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.HdrHistogram.IntCountsHistogram;
import org.junit.jupiter.api.Assertions;

class WindowPercentilesProperties {
    private static final long HOUR = LatencyRecorder.MAX_TRACKED_NANOS;
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 100, 33.3, 0.1};

    /** Windows of 1 to 356 values (below and above the raw limit) from 1 ns to an hour, log-spread, often repeated. */
    @Provide
    Arbitrary<List<List<Long>>> windows() {
        Arbitrary<Long> value = Arbitraries.integers().between(0, 41).flatMap(bits ->
                Arbitraries.longs().between(1L << bits, Math.min(HOUR, (2L << bits) - 1)));
        return value.list().ofMinSize(1).ofMaxSize(WindowPercentiles.RAW_VALUES + 100).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 500)
    void rawWindowsGiveTheHistogramsPercentiles(@ForAll("windows") List<List<Long>> windows) {
        WindowPercentiles sparse = new WindowPercentiles(HOUR);
        for (List<Long> values : windows) {
            IntCountsHistogram reference = new IntCountsHistogram(1000, HOUR, 2);
            for (long v : values) {
                sparse.record(v);
                reference.recordValue(Math.max(1000, v));
            }
            Assertions.assertEquals(values.size(), sparse.count());
            long[] got = sparse.valuesAt(PERCENTILES);
            for (int i = 0; i < PERCENTILES.length; i++) {
                Assertions.assertEquals(reference.getValueAtPercentile(PERCENTILES[i]), got[i],
                        "p" + PERCENTILES[i] + " of " + values.size() + " values");
            }
            sparse.reset();
        }
    }
}
