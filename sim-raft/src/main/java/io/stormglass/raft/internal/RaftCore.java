package io.stormglass.raft.internal;

import io.stormglass.raft.ElectionTimerRule;
import io.stormglass.raft.ProposalDroppedException;
import io.stormglass.raft.RaftConfig;
import io.stormglass.raft.ReadOnlyOption;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.SoftState;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.ConfChangeV2;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgPreVote;
import io.stormglass.raft.message.MsgPreVoteResp;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.VoteRequest;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.storage.InitialState;
import io.stormglass.raft.storage.Storage;
import io.stormglass.raft.tracker.Progress;
import io.stormglass.raft.tracker.ProgressTracker;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Raft state machine of one member (etcd-io/raft {@code raft}): no clock, no I/O, no threads.
 * Time advances through {@link #tick()}, input arrives through {@link #step(Message)}, and output
 * accumulates in outboxes that {@code RawNode} turns into {@code Ready}s.
 *
 * <p>Two outboxes: {@link #takeMessages()} may be sent before the current unstable state is
 * persisted; {@link #takeMessagesAfterAppend()} acknowledge that state (append responses, votes) and
 * must be sent only after it is durable (§5.1: respond only after updating stable storage). The
 * leader's acknowledgement of its own entries is such a message addressed to itself, so the leader
 * counts its own log toward the commit quorum only once the entries are persisted (thesis §10.2.1).
 */
public final class RaftCore {
    final long id;
    final RaftConfig config;
    final RaftLog log;
    final ProgressTracker tracker;

    long term;
    long vote;
    long lead;
    StateRole state = StateRole.FOLLOWER;
    private Role role = FollowerRole.INSTANCE;
    final ElectionTimer electionTimer;
    private final TickClock clock = new TickClock();
    /**
     * Lease reads only: this member restarted with state (term &gt; 0), so before it crashed it may have
     * acknowledged a leader's heartbeat and promised not to vote for an election timeout; a restart must
     * not break that promise, so it keeps it for its first election timeout of ticks after boot.
     */
    private final boolean keepsLeasePromiseAfterBoot;

    private final CoreOutput output = new CoreOutput();
    /** The states last handed out, handed out again while unchanged: a Ready is built on every step and tick. */
    private SoftState lastSoftState;
    private HardState lastHardState;

    public RaftCore(RaftConfig config, Storage storage, RandomGenerator random) {
        this.id = config.id();
        this.config = config;
        this.electionTimer = new ElectionTimer(config, random);
        this.log = new RaftLog(storage, config.maxCommittedSizePerReady());
        InitialState init = storage.initialState();
        this.tracker = new ProgressTracker(config.maxInflightMsgs(), 0);
        Reconfiguration.restore(this, init.confState());
        HardState hs = init.hardState();
        if (!hs.isEmpty()) {
            loadState(hs);
        }
        this.keepsLeasePromiseAfterBoot = config.readOnlyOption() == ReadOnlyOption.LEASE_BASED && term > 0;
        if (config.applied() > 0) {
            log.appliedTo(config.applied());
        }
        becomeFollower(term, Message.NONE);
    }

    private void loadState(HardState hs) {
        if (hs.commit() < log.committed() || hs.commit() > log.lastIndex()) {
            throw new IllegalStateException(id + " state.commit " + hs.commit() + " is out of range [" + log.committed()
                    + ", " + log.lastIndex() + "]");
        }
        log.commitTo(hs.commit());
        term = hs.term();
        vote = hs.vote();
    }

    // ---- accessors used by RawNode and tests ----

    public long id() {
        return id;
    }

    public long term() {
        return term;
    }

    public StateRole state() {
        return state;
    }

    public long lead() {
        return lead;
    }

    /** The member a leader is handing leadership to, or {@link Message#NONE} (always for non-leaders). */
    public long leadTransferee() {
        return role instanceof LeaderRole leader ? leader.transferee() : Message.NONE;
    }

    public RaftLog log() {
        return log;
    }

    public ProgressTracker tracker() {
        return tracker;
    }

    Role role() {
        return role;
    }

    public SoftState softState() {
        SoftState last = lastSoftState;
        if (last == null || last.leader() != lead || last.role() != state) {
            last = new SoftState(lead, state);
            lastSoftState = last;
        }
        return last;
    }

    public HardState hardState() {
        HardState last = lastHardState;
        if (last == null || last.term() != term || last.vote() != vote || last.commit() != log.committed()) {
            last = new HardState(term, vote, log.committed());
            lastHardState = last;
        }
        return last;
    }

    /** The election timeout drawn at the timer's last redraw, in ticks. */
    public int randomizedElectionTimeout() {
        return electionTimer.timeout();
    }

    /** How many times the election timer has (re)started; an external election timer re-arms on each new count. */
    public long electionTimerStarts() {
        return electionTimer.starts();
    }

    /** This member's clock in ticks (see {@link TickClock}): heartbeats are stamped with it, the lease runs on it. */
    public long clockTicks() {
        return clock.now();
    }

    /**
     * The application's clock has come to {@code ticks} ticks since this core was created, delivered through
     * {@link #tick()} or not. Only the read lease and the heartbeat stamps use it: a lease-reading member
     * must report it before each step, or a stall that dropped ticks would lengthen the lease.
     */
    public void observeDueTicks(long ticks) {
        clock.observeDue(ticks);
    }

    /** Whether this leader's read lease covers the present (thesis §6.4.1); false for non-leaders. */
    public boolean leaseValid() {
        return role instanceof LeaderRole leader && leader.leaseCovers(this, clockTicks());
    }

    /** What this core produced since the application last took it. */
    public CoreOutput output() {
        return output;
    }

    void addReadState(ReadState rs) {
        output.addReadState(rs);
    }

    void send(Message m) {
        output.send(m);
    }

    /** Releases the payload bytes of applied entries from the uncommitted-size budget. */
    public void reduceUncommittedSize(long payloadBytes) {
        if (role instanceof LeaderRole leader) {
            leader.reduceUncommittedSize(payloadBytes);
        }
    }

    // ---- membership (thesis §4) ----

    /**
     * Makes a committed configuration change take effect (see {@link Reconfiguration}) and returns the new
     * configuration; an {@code InvalidConfChangeException} leaves the configuration unchanged.
     */
    public ConfState applyConfChange(ConfChangeV2 cc) {
        return Reconfiguration.apply(this, cc);
    }

    /** Entries were applied: a leader may now leave a joint configuration by itself (thesis §4.3). */
    public void afterApplied() {
        Reconfiguration.maybeLeaveJoint(this);
    }

    // ---- role transitions (§5.2) ----

    /**
     * Restarts the election timer: the leader was heard from or a vote was granted (§5.2). etcd-io/raft keeps the
     * timeout drawn at the last reset; the paper's rule (LogCabin's {@code setElectionTimer}) draws a new one.
     */
    void restartElectionTimer() {
        electionTimer.restart(config.electionTimerRule() == ElectionTimerRule.RAFT_PAPER);
    }

    private void reset(long newTerm, boolean restartTimer) {
        if (term != newTerm) {
            term = newTerm;
            vote = Message.NONE;
        }
        lead = Message.NONE;
        if (restartTimer) {
            electionTimer.restart(true);
        }
        tracker.resetVotes();
        long last = log.lastIndex();
        for (long member : List.copyOf(tracker.progress().keySet())) {
            Progress p = tracker.newProgress(0, last + 1);
            if (member == id) {
                p.maybeUpdate(last);
            }
            tracker.reset(member, p);
        }
    }

    /**
     * Follows {@code leader} ({@link Message#NONE} if not known yet) at {@code newTerm} (§5.1). Under the
     * paper's timer rule a follower or candidate that steps down without hearing from a leader keeps its
     * running timer (Fig. 2); a deposed leader, a member that just booted, and anyone hearing from the
     * leader start a new one.
     */
    void becomeFollower(long newTerm, long leader) {
        boolean restart = config.electionTimerRule() == ElectionTimerRule.ETCD_RAFT || leader != Message.NONE
                || state == StateRole.LEADER || electionTimer.timeout() == 0;
        if (state == StateRole.LEADER && newTerm > term) {
            RaftProbe.LEADER_DEPOSED_BY_TERM.hit();
        }
        role = FollowerRole.INSTANCE;
        reset(newTerm, restart);
        lead = leader;
        state = StateRole.FOLLOWER;
    }

    void becomeCandidate() {
        if (state == StateRole.LEADER) {
            throw new IllegalStateException("invalid transition [leader -> candidate]");
        }
        role = CandidateRole.INSTANCE;
        reset(term + 1, true);
        vote = id;
        state = StateRole.CANDIDATE;
    }

    void becomePreCandidate() {
        if (state == StateRole.LEADER) {
            throw new IllegalStateException("invalid transition [leader -> pre-candidate]");
        }
        // PreVote does not change the term or the vote (thesis §9.6).
        role = CandidateRole.INSTANCE;
        tracker.resetVotes();
        lead = Message.NONE;
        state = StateRole.PRE_CANDIDATE;
    }

    /** §5.2 wins the election; §8: appends an empty entry of its term so it can commit (and serve reads). */
    void becomeLeader() {
        if (state == StateRole.FOLLOWER) {
            throw new IllegalStateException("invalid transition [follower -> leader]");
        }
        reset(term, true);
        // a new leadership: no pending reads, no lease, no transfer, an empty proposal budget (thesis §6.4)
        role = new LeaderRole(config, log.lastIndex());
        lead = id;
        state = StateRole.LEADER;
        tracker.get(id).becomeReplicate();
        tracker.get(id).setRecentActive(true);
        // The no-op does not count against the proposal budget (etcd does the same).
        Replication.appendEntries(this, List.of(Entry.normal(0, 0, null)));
    }

    // ---- time (§5.2) ----

    public void tick() {
        clock.tick();
        if (role instanceof LeaderRole leader) {
            leader.tick(this);
        } else {
            tickElection();
        }
    }

    private void tickElection() {
        int elapsed = electionTimer.countTick();
        if (!config.externalElectionTimer() && promotable() && elapsed >= electionTimer.timeout()) {
            electionTimeout();
        }
    }

    /**
     * The election timeout ran out (§5.2): the timer restarts and a voter campaigns. Called by {@link #tick()}
     * or, with {@link RaftConfig#externalElectionTimer()}, by the application when its deadline passes.
     */
    public void electionTimeout() {
        electionTimer.restart(false);
        if (promotable()) {
            hup(false);
        }
    }

    /** Whether this member may campaign: it is a voter (learners never are, thesis §4.2.1). */
    boolean promotable() {
        return tracker.get(id) != null && !tracker.isLearner(id);
    }

    /**
     * The application asks this member to campaign (etcd's {@code Campaign}). With lease reads it is
     * ignored while the member is in a leader's lease: campaigning would break the no-vote promise the
     * leader's read lease relies on (thesis §6.4.1).
     */
    public void requestCampaign() {
        if (config.readOnlyOption() == ReadOnlyOption.LEASE_BASED && inLease()) {
            return;
        }
        hup(false);
    }

    /**
     * Starts an election (§5.2), preceded by PreVote when enabled and not forced by a transfer; not while
     * a committed configuration change is unapplied (its configuration would be outdated, as etcd-io/raft).
     */
    public void hup(boolean transfer) {
        if (state == StateRole.LEADER || !promotable() || log.hasUnappliedConfChanges()) {
            return;
        }
        if (config.preVote() && !transfer) {
            Election.campaign(this, true, false);
        } else {
            Election.campaign(this, false, transfer);
        }
    }

    // ---- input ----

    /**
     * Handles one message: the term rules common to all roles (§5.1: a higher term makes us follow,
     * a lower one is stale), voting (§5.2, §5.4.1, thesis §9.6), then the role's own rules.
     *
     * @throws ProposalDroppedException if a local proposal cannot be accepted
     */
    public void step(Message m) {
        if (m.term() > term) {
            if (m instanceof VoteRequest v) {
                if (!v.transfer() && config.checkQuorum() && inLease()) {
                    // Thesis §4.2.3: a member that hears from a leader ignores disruptive votes.
                    RaftProbe.VOTE_IGNORED_IN_LEASE.hit();
                    return;
                }
            }
            if (m instanceof MsgPreVote) {
                // Answering a PreVote never changes our term.
            } else if (m instanceof MsgPreVoteResp p && !p.reject()) {
                // The term is bumped only when the PreVote wins.
            } else if (m instanceof MsgApp || m instanceof MsgHeartbeat || m instanceof MsgSnap) {
                becomeFollower(m.term(), m.from());
            } else {
                becomeFollower(m.term(), Message.NONE);
            }
        } else if (m.term() < term && m.term() != 0) {
            RaftProbe.STALE_TERM_MESSAGE.hit();
            if ((config.checkQuorum() || config.preVote()) && (m instanceof MsgHeartbeat || m instanceof MsgApp)) {
                // A leader cut off by a partition may never see a higher term otherwise (it ignores
                // votes under CheckQuorum / PreVote); tell it the current term so it steps down.
                send(MsgAppResp.accept(id, m.from(), term, 0));
            } else if (m instanceof MsgPreVote) {
                send(new MsgPreVoteResp(id, m.from(), term, true));
            }
            return;
        }
        if (m instanceof VoteRequest v) {
            Election.stepVote(this, v);
            return;
        }
        role.step(this, m);
    }

    /**
     * Whether this member heard from a leader less than an election timeout ago (or, with lease reads,
     * restarted less than an election timeout ago): it then grants no vote (thesis §4.2.3), which is also
     * the promise that a leader's read lease spends (thesis §6.4.1).
     */
    boolean inLease() {
        return lead != Message.NONE && electionTimer.elapsed() < config.electionTick()
                || keepsLeasePromiseAfterBoot && clock.ticked() < config.electionTick();
    }
}
