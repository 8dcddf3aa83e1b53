package io.stormglass.raft.harness;

import io.stormglass.raft.Ready;
import io.stormglass.raft.confchange.InvalidConfChangeException;
import io.stormglass.raft.log.Bytes;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfChanges;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.message.MsgSnap;
import java.util.function.Consumer;

/**
 * What the test application does with a member's Readys beyond persisting them: apply committed entries
 * (configuration changes included, in the manner of etcd's raftexample) and, like etcd's server, send a
 * snapshot that names its recipient.
 */
final class SimApplication {
    private SimApplication() {
    }

    /** Applies {@code rd}'s committed entries in order; configuration changes take effect now. */
    static void applyCommitted(SimNode n, Ready rd, Consumer<String> trace) {
        for (Entry e : rd.committedEntries()) {
            if (e.index() != n.applied.size()) {
                throw new AssertionError(n.id + " applies " + e.index() + " but has applied " + (n.applied.size() - 1));
            }
            n.applied.add(e);
            if (e.type().isConfChange()) {
                applyConfChange(n, e, trace);
            }
        }
    }

    /** The application's part of a configuration change: make it take effect, keep the result. */
    private static void applyConfChange(SimNode n, Entry e, Consumer<String> trace) {
        ConfChangeRequest cc = ConfChanges.decode(e);
        try {
            ConfState cs = n.node.applyConfChange(cc);
            n.confStates.put(e.index(), cs);
            trace.accept("  " + n.id + " applied " + cc + ": " + n.node.status().config());
        } catch (InvalidConfChangeException refused) {
            // Every member applies the same log to the same configuration, so all refuse it alike.
            trace.accept("  " + n.id + " refused " + cc + ": " + refused.getMessage());
        }
    }

    /**
     * A snapshot whose configuration does not name its recipient would be refused (etcd-io/raft's defence):
     * that happens to a member added after the sender's latest snapshot. etcd's server never sends one,
     * because it builds the snapshot it sends from its applied state ({@code createMergedSnapshotMessage});
     * in that case only, this application does the same.
     */
    static MsgSnap snapshotNaming(SimNode n, MsgSnap m, Consumer<String> trace) {
        if (m.snapshot().metadata().confState().contains(m.to())) {
            return m;
        }
        long applied = n.node.core().log().applied();
        Snapshot merged = new Snapshot(new SnapshotMetadata(applied, n.node.core().log().term(applied),
                n.confStateAt(applied)), Bytes.utf8("applied@" + applied));
        trace.accept("  " + n.id + " sends its applied state at " + applied + " instead (the snapshot at "
                + m.snapshot().index() + " does not name " + m.to() + ")");
        return new MsgSnap(m.from(), m.to(), m.term(), merged);
    }
}
