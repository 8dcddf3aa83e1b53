package io.stormglass.engine.event;

/**
 * A 64-bit hash folded over a sequence of events. Order-sensitive: the same events in another
 * order give another value. Same scenario and same seed must give the same fingerprint in any
 * JVM, so only stable inputs (times, {@link EventKind#stableHash()}, numeric keys) go in.
 */
public final class Fingerprint {
    private static final long P1 = 0x9e3779b97f4a7c15L;
    private static final long P2 = 0xc2b2ae3d27d4eb4fL;

    private long state = 0x5f7a6b3c9d2e1f08L;
    private long count;

    /** Folds one event: its time, kind and identifying key (node, message id, ...). */
    public void fold(long timeNanos, long kindHash, long key) {
        // Three multiply-rotate rounds: each input passes through a multiplication before the next
        // is mixed in, so the fold is order-sensitive; value() finalises with a full avalanche.
        long h = state;
        h = Long.rotateLeft((h ^ timeNanos) * P1, 27);
        h = Long.rotateLeft((h ^ kindHash) * P2, 31);
        h = Long.rotateLeft((h ^ key) * P1, 29);
        state = h;
        count++;
    }

    /** Folds an arbitrary value, for components that want to add their own observations. */
    public void foldValue(long value) {
        state = Long.rotateLeft(state ^ Hashing.mix64(value), 23) * P2;
    }

    public long value() {
        return Hashing.mix64(state ^ count);
    }

    /** Number of events folded. */
    public long count() {
        return count;
    }

    /** The value as 16 lower-case hex digits. */
    public String hex() {
        return String.format(java.util.Locale.ROOT, "%016x", value());
    }
}
