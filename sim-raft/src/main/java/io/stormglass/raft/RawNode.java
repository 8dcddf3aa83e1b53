package io.stormglass.raft;

import io.stormglass.raft.internal.RaftCore;
import io.stormglass.raft.log.ByteString;
import io.stormglass.raft.log.ConfChangeRequest;
import io.stormglass.raft.log.ConfChanges;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgSnapStatus;
import io.stormglass.raft.message.MsgTransferLeader;
import io.stormglass.raft.message.MsgUnreachable;
import io.stormglass.raft.storage.EntryLists;
import io.stormglass.raft.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * The application's handle on one Raft member (etcd-io/raft {@code RawNode}): feed it ticks, messages
 * and requests; collect {@link Ready}s; perform their duties; {@link #advance} them. Pure: no clock,
 * no I/O, no threads; not thread-safe.
 *
 * <p>Messages that acknowledge this member's own persisted state are stepped into it on
 * {@link #advance}: that is how a leader learns its own entries are durable and a candidate counts its
 * own vote.
 */
public final class RawNode {
    private final RaftCore raft;
    private SoftState prevSoftState;
    private HardState prevHardState;
    private final List<Message> stepsOnAdvance = new ArrayList<>();
    private boolean readyOutstanding;
    private long droppedNetworkProposals;

    /**
     * Starts (or restarts) a member from what {@code storage} holds.
     *
     * @param random source of election timeout jitter (the engine's {@code SimRandom} stream)
     */
    public RawNode(RaftConfig config, Storage storage, RandomGenerator random) {
        raft = new RaftCore(config, storage, random);
        prevSoftState = raft.softState();
        prevHardState = raft.hardState();
    }

    /** Advances logical time by one tick (§5.2 timeouts). */
    public void tick() {
        raft.tick();
    }

    /**
     * Reports that {@code ticks} ticks have come due on the application's clock since this node was
     * created, delivered through {@link #tick()} or not (dropped by a ticker while its loop was blocked).
     * Only the read lease uses it (see {@code RaftCore.observeDueTicks}); an application serving
     * {@code LEASE_BASED} reads must call it before stepping, or a stall would lengthen the lease.
     */
    public void observeDueTicks(long ticks) {
        raft.observeDueTicks(ticks);
    }

    /**
     * Delivers a message from the network. Local-only messages addressed to us from elsewhere are
     * ignored; a forwarded proposal that cannot be accepted is dropped (and counted).
     */
    public void step(Message m) {
        if (m.to() != raft.id()) {
            throw new IllegalArgumentException("message for " + m.to() + " stepped into " + raft.id() + ": " + m);
        }
        if (m instanceof MsgUnreachable || m instanceof MsgSnapStatus) {
            return;
        }
        try {
            raft.step(m);
        } catch (ProposalDroppedException e) {
            droppedNetworkProposals++;
        }
    }

    /**
     * Proposes {@code data} to be appended (§5.3). The proposal may still be lost (leader change); the
     * caller learns of success only by seeing it committed.
     *
     * @throws ProposalDroppedException if there is no leader, forwarding is disabled, a transfer is in
     *                                  progress, or the uncommitted budget is exhausted
     */
    public void propose(byte[] data) {
        raft.step(new MsgProp(raft.id(), raft.id(), 0, List.of(Entry.normal(0, 0, data))));
    }

    /**
     * Proposes a membership change (thesis §4): a {@code ConfChange} (one member, applied directly, §4.1)
     * or a {@code ConfChangeV2} (several, through joint consensus, §4.3). It is appended as an entry of
     * its own type; nothing changes until the application applies that entry with
     * {@link #applyConfChange}. A leader that still has an unapplied change, or whose configuration the
     * change cannot follow (anything but leaving while joint, leaving while not joint), appends an empty
     * normal entry instead: the caller learns it only by watching the entry at that index.
     *
     * @throws ProposalDroppedException as {@link #propose}
     */
    public void proposeConfChange(ConfChangeRequest cc) {
        raft.step(new MsgProp(raft.id(), raft.id(), 0, List.of(ConfChanges.toEntry(cc))));
    }

    /**
     * Makes the configuration change of a committed entry take effect. The application must call it for
     * every {@code CONF_CHANGE}/{@code CONF_CHANGE_V2} entry of {@link Ready#committedEntries()}, in log order,
     * as it applies them and before {@link #advance}, with the change decoded from the entry
     * ({@code ConfChanges.decode}), unless it withdraws the change (then it passes the change with node
     * id 0, as etcd does). Returns the configuration now in force, which the application stores with its
     * next snapshot ({@code MemoryStorage.createSnapshot}).
     *
     * @throws io.stormglass.raft.confchange.InvalidConfChangeException if the change cannot apply to the
     *         active configuration; the configuration is unchanged, and the application may treat the
     *         change as withdrawn (every member applies the same log to the same configuration, so all
     *         refuse it alike; etcd-io/raft panics instead)
     */
    public ConfState applyConfChange(ConfChangeRequest cc) {
        return raft.applyConfChange(cc.asV2());
    }

    /**
     * Requests a linearizable read (thesis §6.4); the answer arrives as a {@link ReadState} with the
     * same context in a later Ready. Silently dropped when no leader is known (the caller retries).
     */
    public void readIndex(byte[] context) {
        raft.step(new MsgReadIndex(Message.NONE, raft.id(), 0, ByteString.copyOf(context)));
    }

    /**
     * Starts an election now (§5.2), with PreVote if configured; with lease reads, not while this
     * member is bound by a leader's lease (see {@code RaftCore.requestCampaign}).
     */
    public void campaign() {
        raft.requestCampaign();
    }

    /**
     * The application's election deadline passed ({@link RaftConfig#externalElectionTimer()}): the timer
     * restarts and a voter campaigns (§5.2; PreVote first if configured), as {@code tick()} does when a timeout
     * counted in ticks runs out.
     */
    public void electionTimeout() {
        raft.electionTimeout();
    }

    /** How many times the election timer has (re)started; with an external timer, each new count moves its deadline. */
    public long electionTimerStarts() {
        return raft.electionTimerStarts();
    }

    /** The election timeout drawn at the timer's last redraw, in ticks. */
    public int randomizedElectionTimeout() {
        return raft.randomizedElectionTimeout();
    }

    /** Asks the leader to hand over leadership to {@code transferee} (thesis §3.10). */
    public void transferLeadership(long transferee) {
        raft.step(new MsgTransferLeader(transferee, raft.id(), 0));
    }

    /** Reports that the transport could not reach {@code peer}: replication to it falls back to probing. */
    public void reportUnreachable(long peer) {
        raft.step(new MsgUnreachable(peer, raft.id(), 0));
    }

    /** Reports whether a snapshot sent to {@code peer} was applied ({@code failed} = it was not). */
    public void reportSnapshot(long peer, boolean failed) {
        raft.step(new MsgSnapStatus(peer, raft.id(), 0, failed));
    }

    public boolean hasReady() {
        if (readyOutstanding) {
            return false;
        }
        if (!raft.softState().equals(prevSoftState)) {
            return true;
        }
        HardState hs = raft.hardState();
        if (!hs.isEmpty() && !hs.equals(prevHardState)) {
            return true;
        }
        return raft.log().unstableSnapshot() != null || raft.log().hasUnstableEntries()
                || raft.log().hasNextCommittedEntries() || raft.output().hasMessages() || raft.output().hasReadStates();
    }

    /**
     * The work to do now (see {@link Ready} for the duties). Call only when {@link #hasReady()}; no
     * further Ready is offered until this one is advanced.
     */
    public Ready ready() {
        if (readyOutstanding) {
            throw new IllegalStateException("ready() called twice without advance()");
        }
        SoftState ss = raft.softState();
        HardState hs = raft.hardState();
        List<Entry> entries = raft.log().unstableEntries();
        List<Message> afterPersist = new ArrayList<>();
        List<Message> appended = raft.output().takeMessagesAfterAppend();
        for (int i = 0; i < appended.size(); i++) { // indexed: no iterator per Ready on this path (issue 23)
            Message m = appended.get(i);
            if (m.to() == raft.id()) {
                stepsOnAdvance.add(m);
            } else {
                afterPersist.add(m);
            }
        }
        boolean hsChanged = !hs.isEmpty() && !hs.equals(prevHardState);
        Ready rd = new Ready(
                ss.equals(prevSoftState) ? null : ss,
                hsChanged ? hs : null,
                entries,
                raft.log().unstableSnapshot(),
                raft.log().nextCommittedEntries(),
                raft.output().takeMessages(),
                afterPersist,
                raft.output().takeReadStates(),
                !entries.isEmpty() || hs.differsDurablyFrom(prevHardState));
        prevSoftState = ss;
        if (hsChanged) {
            prevHardState = hs;
        }
        readyOutstanding = true;
        return rd;
    }

    /**
     * Tells the core that {@code rd}'s duties are done: its entries and snapshot are stable, its
     * committed entries applied (configuration changes included, {@link #applyConfChange}).
     * Acknowledgements of our own persisted state are stepped now; then a leader in a joint configuration
     * that it is to leave by itself proposes leaving it (thesis §4.3), once the joint entry is applied.
     */
    public void advance(Ready rd) {
        if (!readyOutstanding) {
            throw new IllegalStateException("advance() without an outstanding ready()");
        }
        readyOutstanding = false;
        Snapshot snap = rd.snapshot();
        if (snap != null) {
            raft.log().stableSnapTo(snap.index());
        }
        if (!rd.entries().isEmpty()) {
            Entry last = rd.entries().get(rd.entries().size() - 1);
            raft.log().stableTo(last.index(), last.term());
        }
        if (!rd.committedEntries().isEmpty()) {
            raft.log().appliedTo(rd.committedEntries().get(rd.committedEntries().size() - 1).index());
            raft.reduceUncommittedSize(EntryLists.payloadBytes(rd.committedEntries()));
        } else if (snap != null && snap.index() > raft.log().applied()) {
            raft.log().appliedTo(snap.index());
        }
        if (!stepsOnAdvance.isEmpty()) {
            List<Message> steps = List.copyOf(stepsOnAdvance);
            stepsOnAdvance.clear();
            for (Message m : steps) {
                raft.step(m);
            }
        }
        if (!rd.committedEntries().isEmpty() || snap != null) {
            raft.afterApplied();
        }
    }

    /** Observable state (leader progress included). */
    /** {@code status().softState()} without building the status: called after every step. */
    public SoftState softState() {
        return raft.softState();
    }

    /** {@code status().hardState().term()} without building the status. */
    public long term() {
        return raft.term();
    }

    public Status status() {
        TreeMap<Long, PeerProgress> progress = new TreeMap<>();
        if (raft.state() == StateRole.LEADER) {
            raft.tracker().progress().forEach((id, p) -> progress.put(id, new PeerProgress(p.match(), p.next(),
                    p.state(), p.pendingSnapshot(), p.inflights().count(), p.isPaused(), raft.tracker().isLearner(id))));
        }
        return new Status(raft.id(), raft.hardState(), raft.softState(), raft.log().applied(), raft.leadTransferee(),
                progress, raft.tracker().config());
    }

    /** Forwarded proposals dropped on arrival (no leader, forwarding disabled, ...). */
    public long droppedNetworkProposals() {
        return droppedNetworkProposals;
    }

    /** Direct access to the core, for checkers and tests. */
    public RaftCore core() {
        return raft;
    }

    @Override
    public String toString() {
        return "RawNode{" + raft.id() + " " + raft.state() + " term=" + raft.term() + " lead=" + raft.lead()
                + " commit=" + raft.log().committed() + " last=" + raft.log().lastIndex() + "}";
    }
}
