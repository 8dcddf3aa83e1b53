package io.stormglass.raft.wal;

import java.util.ArrayList;
import java.util.List;

/**
 * What was handed to the WAL, in order, and which prefix of it a completed sync made durable.
 * Replaying a prefix of the records gives a state recovery may legitimately return.
 */
final class WalModel {
    final List<WalRecord> appended = new ArrayList<>();
    int syncedRecords;

    /** Records a save's records in the order the WAL writes them (entries, then the state). */
    int add(WalHardState state, List<WalEntry> entries) {
        appended.addAll(entries);
        if (!state.isEmpty()) {
            appended.add(state);
        }
        return appended.size();
    }

    /** The replayed view of a prefix, with etcd's suffix rewrite. */
    static final class View {
        final List<WalEntry> entries = new ArrayList<>();
        WalHardState hardState = WalHardState.EMPTY;

        void apply(WalRecord r) {
            if (r instanceof WalEntry e) {
                entries.subList((int) (e.index() - 1), entries.size()).clear();
                entries.add(e);
            } else {
                hardState = (WalHardState) r;
            }
        }

        /** Whether recovery from a snapshot at {@code snapshotIndex} may return these entries and state. */
        boolean matches(List<WalEntry> otherEntries, WalHardState otherState, long snapshotIndex) {
            int from = (int) Math.min(snapshotIndex, entries.size());
            return hardState.equals(otherState) && entries.subList(from, entries.size()).equals(otherEntries);
        }

        long termAt(long index) {
            return entries.get((int) index - 1).term();
        }
    }

    /**
     * The smallest {@code m >= syncedRecords} whose view after the snapshot equals ({@code entries}, {@code state}),
     * or -1 if recovery returned something that is not the view of any durable-enough prefix.
     */
    int matchingPrefix(List<WalEntry> entries, WalHardState state, long snapshotIndex) {
        View view = new View();
        for (int m = 0; m <= appended.size(); m++) {
            if (m > 0) {
                view.apply(appended.get(m - 1));
            }
            if (m >= syncedRecords && view.matches(entries, state, snapshotIndex)) {
                return m;
            }
        }
        return -1;
    }

    View viewOfAll() {
        View view = new View();
        appended.forEach(view::apply);
        return view;
    }
}
