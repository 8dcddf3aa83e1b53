package io.stormglass.raft.tracker;

/**
 * The leader's view of one follower (§5.3 {@code nextIndex}/{@code matchIndex}), with etcd-io/raft's
 * flow control: probe, replicate and snapshot states, an inflight window, and a pause flag. Mutable,
 * owned by one leader term.
 */
public final class Progress {
    private long match;
    private long next;
    private ProgressState state = ProgressState.PROBE;
    private long pendingSnapshot;
    private boolean recentActive;
    private boolean msgAppFlowPaused;
    private long sentCommit;
    private final Inflights inflights;

    public Progress(long match, long next, Inflights inflights) {
        this.match = match;
        this.next = next;
        this.inflights = inflights;
    }

    public long match() {
        return match;
    }

    public long next() {
        return next;
    }

    public ProgressState state() {
        return state;
    }

    public long pendingSnapshot() {
        return pendingSnapshot;
    }

    public boolean recentActive() {
        return recentActive;
    }

    public void setRecentActive(boolean active) {
        recentActive = active;
    }

    public Inflights inflights() {
        return inflights;
    }

    /** Lets a probe go out again (after a heartbeat response proves the follower is reachable). */
    public void resumeFlow() {
        msgAppFlowPaused = false;
    }

    /** Stops appends until the follower answers (used after a snapshot report). */
    public void pauseFlow() {
        msgAppFlowPaused = true;
    }

    private void resetState(ProgressState newState) {
        msgAppFlowPaused = false;
        pendingSnapshot = 0;
        state = newState;
        inflights.reset();
    }

    /** Back to probing from just after the known match (or after a snapshot being installed). */
    public void becomeProbe() {
        if (state == ProgressState.SNAPSHOT) {
            long snap = pendingSnapshot;
            resetState(ProgressState.PROBE);
            next = Math.max(match + 1, snap + 1);
        } else {
            resetState(ProgressState.PROBE);
            next = match + 1;
        }
    }

    public void becomeReplicate() {
        resetState(ProgressState.REPLICATE);
        next = match + 1;
    }

    /** Waits for a snapshot at {@code snapshotIndex} to be installed (§7). */
    public void becomeSnapshot(long snapshotIndex) {
        resetState(ProgressState.SNAPSHOT);
        pendingSnapshot = snapshotIndex;
    }

    /** Accounts for an append of {@code entries} entries ({@code payloadBytes}) just sent. */
    public void sentEntries(int entries, long payloadBytes) {
        if (state == ProgressState.REPLICATE) {
            if (entries > 0) {
                next += entries;
                inflights.add(next - 1, payloadBytes);
            }
            msgAppFlowPaused = inflights.full();
        } else if (state == ProgressState.PROBE) {
            // One probe per heartbeat round: wait for its answer before sending more.
            msgAppFlowPaused = true;
        } else {
            throw new IllegalStateException("sending appends in state " + state);
        }
    }

    /** Records that an append carrying commit index {@code commit} was sent. */
    public void sentCommit(long commit) {
        sentCommit = Math.max(sentCommit, commit);
    }

    /**
     * Whether an empty append would tell a caught-up follower a newer commit index: only when nothing
     * is in flight (an empty append behind undelivered ones would be rejected), as etcd's
     * {@code CanBumpCommit}.
     */
    public boolean canBumpCommit(long commit) {
        return state == ProgressState.REPLICATE && next - 1 == match && sentCommit < Math.min(commit, match);
    }

    /** Records an acknowledgement up to {@code index}; returns whether the match advanced. */
    public boolean maybeUpdate(long index) {
        boolean updated = false;
        if (match < index) {
            match = index;
            updated = true;
            msgAppFlowPaused = false;
        }
        next = Math.max(next, index + 1);
        return updated;
    }

    /**
     * Handles a rejection of the append at {@code rejected}, with the follower's hint (§5.3 "decrement
     * nextIndex and retry", skipping by hint). Returns false for a stale rejection.
     */
    public boolean maybeDecrTo(long rejected, long matchHint) {
        if (state == ProgressState.REPLICATE) {
            if (rejected <= match) {
                return false;
            }
            next = match + 1;
            return true;
        }
        if (next - 1 != rejected) {
            return false;
        }
        next = Math.max(Math.min(rejected, matchHint + 1), match + 1);
        msgAppFlowPaused = false;
        return true;
    }

    /** Whether sending appends to this follower is paused by flow control. */
    public boolean isPaused() {
        return switch (state) {
            case PROBE, REPLICATE -> msgAppFlowPaused;
            case SNAPSHOT -> true;
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(state).append(" match=").append(match).append(" next=").append(next);
        if (state == ProgressState.SNAPSHOT) {
            sb.append(" pendingSnap=").append(pendingSnapshot);
        }
        if (inflights.count() > 0) {
            sb.append(" inflight=").append(inflights.count());
        }
        if (msgAppFlowPaused) {
            sb.append(" paused");
        }
        return sb.toString();
    }
}
