package io.stormglass.disk.internal;

/**
 * The sequence numbers of operations issued in increasing order and finished in any order, and
 * the lowest one still open: what an ordering barrier (a FLUSH waiting for every earlier WRITE)
 * asks. A ring of flags from the lowest open number to the last issued, so issuing and finishing
 * cost no allocation (issue 23: it replaces a {@code TreeSet<Long>} touched twice per write).
 */
public final class OpenSequences {
    private boolean[] finished = new boolean[64];
    /** Lowest number not yet finished; {@code lastIssued + 1} when none is open. */
    private long lowestOpen = 1;
    private long lastIssued;

    /** Opens and returns the next number: 1, 2, 3, ... */
    public long issue() {
        long seq = ++lastIssued;
        if (seq - lowestOpen >= finished.length) {
            grow();
        }
        finished[slot(seq)] = false;
        return seq;
    }

    /** Finishes {@code seq}, an open number. */
    public void finish(long seq) {
        if (seq < lowestOpen || seq > lastIssued || finished[slot(seq)]) {
            throw new IllegalArgumentException("sequence " + seq + " is not open");
        }
        finished[slot(seq)] = true;
        while (lowestOpen <= lastIssued && finished[slot(lowestOpen)]) {
            lowestOpen++;
        }
    }

    /** Whether a number at or below {@code seq} is still open. */
    public boolean anyOpenUpTo(long seq) {
        return lowestOpen <= lastIssued && lowestOpen <= seq;
    }

    /** The last number issued (0 before the first). */
    public long lastIssued() {
        return lastIssued;
    }

    private int slot(long seq) {
        return (int) (seq & (finished.length - 1));
    }

    private void grow() {
        boolean[] bigger = new boolean[finished.length * 2];
        for (long s = lowestOpen; s <= lastIssued; s++) {
            bigger[(int) (s & (bigger.length - 1))] = finished[slot(s)];
        }
        finished = bigger;
    }
}
