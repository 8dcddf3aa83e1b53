package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
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
    int add(HardState state, List<Entry> entries) {
        entries.forEach(e -> appended.add(new WalRecord.EntryRecord(e)));
        if (!state.isEmpty()) {
            appended.add(new WalRecord.StateRecord(state));
        }
        return appended.size();
    }

    /** The replayed view of a prefix, with etcd's suffix rewrite. */
    static final class View {
        final List<Entry> entries = new ArrayList<>();
        HardState hardState = HardState.EMPTY;

        void apply(WalRecord r) {
            if (r instanceof WalRecord.EntryRecord er) {
                Entry e = er.entry();
                entries.subList((int) (e.index() - 1), entries.size()).clear();
                entries.add(e);
            } else {
                hardState = ((WalRecord.StateRecord) r).state();
            }
        }

        /** Whether recovery from a snapshot at {@code snapshotIndex} may return these entries and state. */
        boolean matches(List<Entry> otherEntries, HardState otherState, long snapshotIndex) {
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
    int matchingPrefix(List<Entry> entries, HardState state, long snapshotIndex) {
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
