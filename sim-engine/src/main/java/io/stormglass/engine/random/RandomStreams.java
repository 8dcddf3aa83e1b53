package io.stormglass.engine.random;

import io.stormglass.engine.event.Hashing;
import java.util.Map;
import java.util.TreeMap;

/**
 * Named random streams derived from one root seed (DESIGN.md §3).
 *
 * <p>The stream for a name is seeded by hashing (root seed, name), so streams are independent:
 * drawing more values from {@code "disk/n1"} never shifts what {@code "net"} produces, and a
 * component added later does not disturb the others. Asking twice for the same name returns the
 * same stream object (not a second copy of its sequence), so give every component its own name.
 */
public final class RandomStreams {
    private final long rootSeed;
    private final Map<String, SimRandom> streams = new TreeMap<>();

    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    /** The stream for {@code name}, created on first use. */
    public SimRandom stream(String name) {
        return streams.computeIfAbsent(name, n -> new SimRandom(derivedSeed(rootSeed, n)));
    }

    /** The seed of the stream that {@code name} gets under {@code rootSeed}. */
    public static long derivedSeed(long rootSeed, String name) {
        return Hashing.mix64(Hashing.mix64(rootSeed) ^ Hashing.fnv1a64(name));
    }
}
