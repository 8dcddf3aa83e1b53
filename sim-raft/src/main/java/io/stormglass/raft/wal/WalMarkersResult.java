package io.stormglass.raft.wal;

import java.util.List;

/** Outcome of {@link Wal#validSnapshotMarkers}. */
public sealed interface WalMarkersResult {
    /** The markers not above the last saved commit index, oldest first. */
    record Found(List<WalSnapshotMarker> markers) implements WalMarkersResult {
        public Found {
            markers = List.copyOf(markers);
        }
    }

    /** The WAL could not be read. */
    record Failed(WalError error) implements WalMarkersResult {
    }
}
