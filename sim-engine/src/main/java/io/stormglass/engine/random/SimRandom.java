package io.stormglass.engine.random;

import io.stormglass.engine.event.Hashing;

/**
 * A deterministic pseudo-random stream (xoshiro256**), usable both as a commons-math3
 * {@link org.apache.commons.math3.random.RandomGenerator} (so its distributions draw from it)
 * and as a {@link java.util.random.RandomGenerator}.
 *
 * <p>Every method that derives values (doubles, bounded ints, Gaussians) is implemented here
 * rather than inherited from the JDK's default methods, whose algorithms may change between JDK
 * versions: the same seed gives the same values in any JVM.
 *
 * <p>Not thread-safe: a stream belongs to one simulation.
 */
public final class SimRandom implements org.apache.commons.math3.random.RandomGenerator,
        java.util.random.RandomGenerator {
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private static final float FLOAT_UNIT = 0x1.0p-24f;

    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private double nextGaussian = Double.NaN;

    public SimRandom(long seed) {
        reseed(seed);
    }

    private void reseed(long seed) {
        long x = seed;
        x += 0x9e3779b97f4a7c15L;
        s0 = Hashing.mix64(x);
        x += 0x9e3779b97f4a7c15L;
        s1 = Hashing.mix64(x);
        x += 0x9e3779b97f4a7c15L;
        s2 = Hashing.mix64(x);
        x += 0x9e3779b97f4a7c15L;
        s3 = Hashing.mix64(x);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
        nextGaussian = Double.NaN;
    }

    @Override
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in {@code [0, bound)}, unbiased (Lemire's multiply-and-reject). */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            long threshold = (0x100000000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform in {@code [origin, bound)}. */
    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("empty range [" + origin + ", " + bound + ")");
        }
        return (int) (origin + nextLong((long) bound - origin));
    }

    /** Uniform in {@code [0, bound)}, unbiased. */
    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return r % bound;
    }

    /** Uniform in {@code [origin, bound)}. */
    @Override
    public long nextLong(long origin, long bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("empty range [" + origin + ", " + bound + ")");
        }
        return origin + nextLong(bound - origin);
    }

    /** Uniform in {@code [0, 1)} with 53 bits of precision. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    @Override
    public double nextDouble(double bound) {
        return nextDouble() * bound;
    }

    @Override
    public double nextDouble(double origin, double bound) {
        return origin + nextDouble() * (bound - origin);
    }

    @Override
    public float nextFloat() {
        return (nextInt() >>> 8) * FLOAT_UNIT;
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /** Standard normal by the Marsaglia polar method (pairs cached). */
    @Override
    public double nextGaussian() {
        if (!Double.isNaN(nextGaussian)) {
            double g = nextGaussian;
            nextGaussian = Double.NaN;
            return g;
        }
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * nextDouble() - 1;
            v2 = 2 * nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s >= 1 || s == 0);
        double multiplier = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        nextGaussian = v2 * multiplier;
        return v1 * multiplier;
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        return mean + stddev * nextGaussian();
    }

    /** Exponential with mean 1, by inversion. */
    @Override
    public double nextExponential() {
        return -StrictMath.log(1 - nextDouble());
    }

    @Override
    public void nextBytes(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            long r = nextLong();
            for (int n = Math.min(8, bytes.length - i); n-- > 0; r >>>= 8) {
                bytes[i++] = (byte) r;
            }
        }
    }

    /**
     * True with probability {@code ppm} parts per million, decided by an exact integer
     * comparison (fault decisions must not depend on floating-point accumulation).
     */
    public boolean chancePpm(long ppm) {
        if (ppm <= 0) {
            return false;
        }
        if (ppm >= 1_000_000) {
            return true;
        }
        return nextLong(1_000_000) < ppm;
    }

    @Override
    public void setSeed(int seed) {
        reseed(seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long h = 0x2545f4914f6cdd1dL;
        for (int s : seed) {
            h = Hashing.mix64(h ^ s);
        }
        reseed(h);
    }

    @Override
    public void setSeed(long seed) {
        reseed(seed);
    }
}
