package io.stormglass.check.safety;

import io.stormglass.engine.event.Clock;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.client.WatchObserver;
import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.server.MemberObserver;
import java.util.List;

/**
 * Checks Raft's safety properties on a running cluster of members, from the outside: it sees only
 * what the members report through {@link MemberObserver} (what they persisted, recovered, applied,
 * which role and leader they took) and the acknowledgements clients received
 * ({@link #writeAcknowledged}). Every call is checked at once; a breach becomes a
 * {@link SafetyViolation} value, collected here, and never an exception thrown into the member's
 * event loop. The monitor changes nothing in the simulation.
 *
 * <p>Its checks, by concern: the Raft rules on the members' logs ({@link RaftLogChecks}, with a model of
 * each member's durable log and of everything committed); the committed history by revision
 * ({@link CommittedRevisions}, the committed log replayed) against which the clients' watch streams
 * ({@link WatchChecks}, through {@link #watchObserver()}) and ranges at a revision ({@link RangeChecks})
 * are judged. See {@link Invariant} for the rules. Memory grows with the committed entries and
 * revisions: fine for test and scenario runs, not meant for endless ones.
 *
 * <p>Not thread-safe; call it from the simulation loop only.
 */
public final class SafetyMonitor implements MemberObserver {
    /** Violations kept in full; beyond this they are only counted. */
    public static final int MAX_KEPT_VIOLATIONS = 200;

    private final Violations violations;
    private final RaftLogChecks raft;
    private final CommittedRevisions revisions = new CommittedRevisions();
    private final WatchChecks watches;
    private final RangeChecks ranges;
    private long events;

    /**
     * @param clock   the simulation's clock (violations are stamped with it)
     * @param members the ids of the initial cluster's voters; members added later are tracked from their first report
     */
    public SafetyMonitor(Clock clock, List<Integer> members) {
        this.violations = new Violations(clock);
        this.raft = new RaftLogChecks(violations, members);
        this.watches = new WatchChecks(violations, revisions);
        this.ranges = new RangeChecks(violations, revisions);
    }

    // ---- queries ----

    /** The violations seen so far (at most {@link #MAX_KEPT_VIOLATIONS}), in the order they were found. */
    public List<SafetyViolation> violations() {
        return violations.kept();
    }

    /** The kept violations of one invariant. */
    public List<SafetyViolation> violations(Invariant invariant) {
        return violations.kept().stream().filter(v -> v.invariant() == invariant).toList();
    }

    public boolean ok() {
        return violations.kept().isEmpty();
    }

    /** Violations found beyond {@link #MAX_KEPT_VIOLATIONS}, counted but not kept. */
    public long droppedViolations() {
        return violations.dropped();
    }

    /** Observer calls checked so far. */
    public long eventsChecked() {
        return events;
    }

    /** Distinct log indexes known to be committed. */
    public int committedEntries() {
        return raft.committedEntries();
    }

    /** Terms in which some member was seen as leader. */
    public int termsWithLeader() {
        return raft.termsWithLeader();
    }

    /** Acknowledged writes traced to their committed entry. */
    public long acknowledgedWrites() {
        return raft.acknowledgedWrites();
    }

    /** Watches clients opened, whose streams were checked. */
    public long watchesChecked() {
        return watches.watchesSeen();
    }

    /** Watch events compared against the committed history. */
    public long watchEventsChecked() {
        return watches.eventsChecked();
    }

    /** Ranges at a revision whose answer was checked. */
    public long rangesAtRevisionChecked() {
        return ranges.checked();
    }

    // ---- client side ----

    /**
     * A client was told that its write of {@code value} to {@code key} (a put, or a compare-and-set
     * that succeeded) took effect. The write must already be in a committed entry (the member
     * answers after applying it); from now on every leader of a later term must hold that entry.
     * Values are matched by content, so a workload should write distinct values.
     */
    public void writeAcknowledged(int client, String key, String value) {
        events++;
        raft.writeAcknowledged(client, key, value);
    }

    /**
     * What sees the clients' watch streams ({@code KvClient#observeWatches}): each watch's events are
     * checked against the committed history ({@link Invariant#WATCH_ORDER}).
     */
    public WatchObserver watchObserver() {
        return watches;
    }

    /**
     * A client's range of {@code key} at {@code revision}, a revision it had seen before asking,
     * returned {@code kvs} (error null) or failed with etcd's {@code error}; checked against the committed
     * history ({@link Invariant#RANGE_AT_REVISION}). Errors other than the compacted and future-revision
     * ones (a timeout, no leader) say nothing and are ignored.
     */
    public void rangeAtRevision(int client, String key, long revision, boolean linearizable, List<KeyValue> kvs, String error) {
        events++;
        ranges.rangeAtRevision(client, key, revision, linearizable, kvs, error);
    }

    // ---- member side (MemberObserver) ----

    @Override
    public void softStateChanged(int member, long term, long leader, StateRole role) {
        events++;
        raft.softStateChanged(member, term, leader, role);
    }

    @Override
    public void recovered(int member, long snapshotIndex, long snapshotTerm, HardState hardState, List<Entry> entries) {
        events++;
        raft.recovered(member, snapshotIndex, snapshotTerm, hardState, entries);
    }

    @Override
    public void installedSnapshot(int member, long index, long term) {
        events++;
        raft.installedSnapshot(member, index, term);
    }

    @Override
    public void persisting(int member, HardState hardState, List<Entry> entries) {
        events++;
        raft.persisting(member, entries);
    }

    @Override
    public void persisted(int member, HardState hardState, List<Entry> entries) {
        events++;
        raft.persisted(member, hardState, entries);
    }

    @Override
    public void restoredSnapshot(int member, long index, long term) {
        events++;
        raft.restoredSnapshot(member, index, term);
    }

    @Override
    public void applied(int member, Entry entry) {
        events++;
        raft.applied(member, entry);
        revisions.applied(entry);
    }

    @Override
    public void configurationApplied(int member, long index, ConfState confState) {
        events++;
        raft.configurationApplied(member, index, confState);
    }
}
