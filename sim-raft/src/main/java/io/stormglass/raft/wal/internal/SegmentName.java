package io.stormglass.raft.wal.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * etcd's segment file name {@code %016x-%016x.wal}: sequence number, then the index of the first
 * entry the segment may hold (last index at the cut + 1).
 */
public record SegmentName(long seq, long firstIndex) implements Comparable<SegmentName> {
    public static final String SUFFIX = ".wal";
    /** Suffix of a segment being prepared; it becomes visible by rename once synced. */
    public static final String TMP_SUFFIX = ".wal.tmp";

    public String fileName() {
        return String.format(Locale.ROOT, "%016x-%016x%s", seq, firstIndex, SUFFIX);
    }

    /** Parses a bare file name; empty for anything that is not exactly a segment name. */
    public static Optional<SegmentName> parse(String fileName) {
        if (fileName.length() != 33 + SUFFIX.length() || !fileName.endsWith(SUFFIX) || fileName.charAt(16) != '-') {
            return Optional.empty();
        }
        try {
            long seq = Long.parseUnsignedLong(fileName.substring(0, 16), 16);
            long index = Long.parseUnsignedLong(fileName.substring(17, 33), 16);
            return Optional.of(new SegmentName(seq, index));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int compareTo(SegmentName o) {
        return Long.compareUnsigned(seq, o.seq);
    }
}
