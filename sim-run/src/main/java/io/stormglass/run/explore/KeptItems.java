package io.stormglass.run.explore;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One kind of fine-grained item, kept selectively so that memory and output stay bounded for any
 * run length: an item is kept if it is {@code important} or arrives while a capture is open; the
 * others wait in a short look-back ring (the last {@code lookbackNanos}, at most {@code ringSize}
 * items) that {@link #keepRecent} moves into the kept list when something worth explaining happens.
 * At most {@code maxKept} items are kept; later ones are counted as dropped.
 */
final class KeptItems<T> {
    private final ToLongFunction<T> time;
    private final long lookbackNanos;
    private final int ringSize;
    private final int maxKept;
    private final ArrayDeque<T> ring = new ArrayDeque<>();
    private final List<T> kept = new ArrayList<>();
    private long dropped;

    KeptItems(ToLongFunction<T> time, long lookbackNanos, int ringSize, int maxKept) {
        this.time = time;
        this.lookbackNanos = lookbackNanos;
        this.ringSize = ringSize;
        this.maxKept = maxKept;
    }

    /** Offers {@code item}; {@code keepNow} (important, or a capture is open) keeps it at once. */
    void offer(T item, boolean keepNow) {
        if (keepNow) {
            keep(item);
            return;
        }
        ring.addLast(item);
        long oldest = time.applyAsLong(item) - lookbackNanos;
        while (ring.size() > ringSize || time.applyAsLong(ring.peekFirst()) < oldest) {
            ring.pollFirst();
        }
    }

    /** Keeps what the look-back ring holds (the moments before something worth explaining). */
    void keepRecent() {
        while (!ring.isEmpty()) {
            keep(ring.pollFirst());
        }
    }

    /** The kept items in time order. */
    List<T> kept() {
        List<T> out = new ArrayList<>(kept);
        out.sort(Comparator.comparingLong(time));
        return out;
    }

    long dropped() {
        return dropped;
    }

    private void keep(T item) {
        if (kept.size() < maxKept) {
            kept.add(item);
        } else {
            dropped++;
        }
    }
}
