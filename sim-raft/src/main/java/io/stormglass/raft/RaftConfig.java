package io.stormglass.raft;

import java.util.Objects;

/**
 * Configuration of one Raft member under etcd-io/raft's {@code Config} names. Ticks are the unit of
 * logical time: the application calls {@code tick()} at a fixed interval (etcd: every
 * {@code heartbeat-interval}, 100 ms by default), so with the etcd server defaults below the election
 * timeout is 10 ticks = 1 s and heartbeats go out every tick. A finer tick (say 1 ms, with a 75-tick
 * heartbeat and a 150–155-tick election timeout) expresses plain-Raft experiments whose timeouts are
 * not whole heartbeats (the Raft paper's §9.3 ranges).
 *
 * @param id                        this member's id, non-zero
 * @param electionTick              smallest election timeout in ticks (§5.2); also the span of a
 *                                  CheckQuorum check and of the "heard from a leader" vote guard
 *                                  (thesis §4.2.3). etcd server: 10
 * @param electionTickMax           largest election timeout in ticks, inclusive: the randomized timeout
 *                                  is drawn uniformly in {@code [electionTick, electionTickMax]} each time
 *                                  the member resets its election state (§5.2). etcd-io/raft draws in
 *                                  {@code [electionTick, 2·electionTick)}, i.e. {@code 2·electionTick − 1};
 *                                  equal to {@code electionTick} for a constant timeout (the Raft paper's
 *                                  150–150 ms line, §9.3)
 * @param heartbeatTick             leader heartbeat interval in ticks (§5.2). etcd server: 1
 * @param electionTimerRule         when the election timer restarts ({@link ElectionTimerRule}). etcd-io/raft:
 *                                  {@link ElectionTimerRule#ETCD_RAFT}
 * @param preVote                   run a PreVote round before incrementing the term (thesis §9.6). etcd 3.5+: true
 * @param checkQuorum               a leader steps down if it has not heard from a quorum for an election
 *                                  timeout, and followers ignore votes while they hear from a leader
 *                                  (thesis §6.2). etcd server: true
 * @param maxSizePerMsg             upper bound on the entries of one append message, in bytes (at least
 *                                  one entry is always sent). etcd server: 1 MiB
 * @param maxInflightMsgs           most unacknowledged appends per follower in REPLICATE state.
 *                                  etcd server: 4096 / 8 = 512
 * @param maxUncommittedEntriesSize most payload bytes a leader accepts beyond its commit index before
 *                                  dropping proposals, 0 for no limit. etcd server: 1 GiB
 * @param readOnlyOption            how read-only queries are served (thesis §6.4). etcd default: SAFE
 * @param disableProposalForwarding followers drop proposals instead of forwarding them to the leader
 * @param applied                   last index the application has applied (on restart), 0 for none
 * @param maxCommittedSizePerReady  most bytes of committed entries handed out in one Ready. etcd: equal
 *                                  to maxSizePerMsg
 * @param leaseDriftBoundPpm        for {@link ReadOnlyOption#LEASE_BASED}: the largest rate error, in parts per
 *                                  million, that any member's tick clock may have against true time; the read
 *                                  lease is shortened so that it stays sound up to this drift (see
 *                                  {@link #leaseTicks()}). Default {@link #DEFAULT_LEASE_DRIFT_BOUND_PPM}
 * @param stepDownOnRemoval         a leader that applies its own removal (or demotion to learner) steps down at
 *                                  once (etcd-io/raft {@code StepDownOnRemoval}; thesis §4.2.2 has a removed
 *                                  leader step down once the change is committed). Off by default, as in
 *                                  etcd-io/raft and etcd's server (which does not set it: its server stops a
 *                                  removed member instead); without it a removed leader leads on, counting no
 *                                  longer itself, until it is stopped or loses the quorum check
 * @param externalElectionTimer     the application keeps the election timeout as a deadline of its own, as a plain
 *                                  Raft server's timer thread does (LogCabin's {@code RaftConsensus::timerThreadMain}
 *                                  waits until {@code startElectionAt}): {@code tick()} still counts ticks (for the
 *                                  leader's periods and the vote guard) but never starts an election; after each
 *                                  input the application reads {@code electionTimerStarts()} and, on a new count, arms
 *                                  its deadline one {@code randomizedElectionTimeout()} from that moment, and calls
 *                                  {@code electionTimeout()} when the deadline passes. Off in etcd-io/raft (its
 *                                  election timer counts ticks)
 */
public record RaftConfig(
        long id,
        int electionTick,
        int electionTickMax,
        int heartbeatTick,
        ElectionTimerRule electionTimerRule,
        boolean preVote,
        boolean checkQuorum,
        long maxSizePerMsg,
        int maxInflightMsgs,
        long maxUncommittedEntriesSize,
        ReadOnlyOption readOnlyOption,
        boolean disableProposalForwarding,
        long applied,
        long maxCommittedSizePerReady,
        long leaseDriftBoundPpm,
        boolean stepDownOnRemoval,
        boolean externalElectionTimer) {

    /** etcd server's {@code maxSizePerMsg}: 1 MiB. */
    public static final long ETCD_MAX_SIZE_PER_MSG = 1024 * 1024;
    /** etcd server's {@code maxInflightMsgs}: 4096 / 8. */
    public static final int ETCD_MAX_INFLIGHT_MSGS = 4096 / 8;
    /** etcd server's {@code MaxUncommittedEntriesSize}: 1 GiB. */
    public static final long ETCD_MAX_UNCOMMITTED_ENTRIES_SIZE = 1L << 30;
    /**
     * 10 %: sofa-jraft's lease is 90 % of the election timeout ({@code leaderLeaseTimeRatio = 90}), the
     * same margin. It covers every clock NTP will discipline (ntpd gives up beyond 500 ppm) two hundred
     * times over, and costs one or two ticks of lease at etcd's 10-tick election timeout (7 instead of 8).
     */
    public static final long DEFAULT_LEASE_DRIFT_BOUND_PPM = 100_000;
    private static final long PPM = 1_000_000;

    public RaftConfig {
        Objects.requireNonNull(readOnlyOption, "readOnlyOption");
        Objects.requireNonNull(electionTimerRule, "electionTimerRule");
        if (id == 0) {
            throw new IllegalArgumentException("cannot use none as id (id must be non-zero)");
        }
        if (heartbeatTick <= 0) {
            throw new IllegalArgumentException("heartbeat tick must be greater than 0, got " + heartbeatTick);
        }
        if (electionTick <= heartbeatTick) {
            throw new IllegalArgumentException("election tick must be greater than heartbeat tick, got election "
                    + electionTick + " <= heartbeat " + heartbeatTick);
        }
        if (electionTickMax < electionTick) {
            throw new IllegalArgumentException("the largest election tick must be at least the election tick, got "
                    + electionTickMax + " < " + electionTick);
        }
        if (maxInflightMsgs <= 0) {
            throw new IllegalArgumentException("max inflight messages must be greater than 0, got " + maxInflightMsgs);
        }
        if (maxSizePerMsg <= 0) {
            throw new IllegalArgumentException("max size per message must be greater than 0 bytes, got " + maxSizePerMsg);
        }
        if (maxUncommittedEntriesSize < 0) {
            throw new IllegalArgumentException("max uncommitted entries size must be >= 0 bytes (0 = no limit), got "
                    + maxUncommittedEntriesSize);
        }
        if (maxCommittedSizePerReady <= 0) {
            throw new IllegalArgumentException("max committed size per ready must be greater than 0 bytes, got "
                    + maxCommittedSizePerReady);
        }
        if (applied < 0) {
            throw new IllegalArgumentException("applied must be >= 0, got " + applied);
        }
        if (leaseDriftBoundPpm < 0 || leaseDriftBoundPpm >= PPM) {
            throw new IllegalArgumentException("lease drift bound must be in [0, 1000000) ppm, got " + leaseDriftBoundPpm);
        }
        if (readOnlyOption == ReadOnlyOption.LEASE_BASED && !checkQuorum) {
            throw new IllegalArgumentException("CheckQuorum must be enabled when ReadOnlyOption is LEASE_BASED");
        }
    }

    /** The configuration etcd's server uses (see the component defaults above). */
    public static RaftConfig etcdDefaults(long id) {
        return new RaftConfig(id, 10, 19, 1, ElectionTimerRule.ETCD_RAFT, true, true, ETCD_MAX_SIZE_PER_MSG, ETCD_MAX_INFLIGHT_MSGS,
                ETCD_MAX_UNCOMMITTED_ENTRIES_SIZE, ReadOnlyOption.SAFE, false, 0, ETCD_MAX_SIZE_PER_MSG, DEFAULT_LEASE_DRIFT_BOUND_PPM,
                false, false);
    }

    /**
     * Length of a leader's read lease in ticks of its own clock, counted from the send tick of the newest
     * heartbeat round a quorum acknowledged (thesis §6.4.1): the largest {@code L} with
     * {@code L·(1+ρ) < (electionTick−1)·(1−ρ)}, where ρ is {@link #leaseDriftBoundPpm()} as a fraction.
     *
     * <p>Why: a follower that acknowledged the round heard it no earlier than it was sent and refuses
     * every vote until its own election timer reaches {@code electionTick} ticks (the CheckQuorum "in
     * lease" rule); its next tick may come at once, so it is bound for at least {@code electionTick−1}
     * tick intervals of its clock, at least {@code (electionTick−1)·h/(1+ρ)} of true time. A leader whose
     * clock reads at least the ticks that came due serves a lease read at most {@code L} tick intervals of
     * its clock after the send, at most {@code L·h/(1−ρ)} of true time. While the first exceeds the second,
     * no other leader can be elected while the lease is served. With no drift that is
     * {@code electionTick − 2} (one tick of discretisation on each side); 0 disables lease reads in effect.
     */
    public int leaseTicks() {
        long numerator = (electionTick - 1L) * (PPM - leaseDriftBoundPpm) - 1;
        return (int) Math.max(0, numerator / (PPM + leaseDriftBoundPpm));
    }

    public RaftConfig withId(long newId) {
        return toBuilder().id(newId).build();
    }

    /** etcd's timing: election timeouts in {@code [newElectionTick, 2·newElectionTick)}, heartbeats every {@code newHeartbeatTick}. */
    public RaftConfig withTicks(int newElectionTick, int newHeartbeatTick) {
        return toBuilder().electionTick(newElectionTick).electionTickMax(etcdElectionTickMax(newElectionTick))
                .heartbeatTick(newHeartbeatTick).build();
    }

    /** Election timeouts drawn uniformly in {@code [minTicks, maxTicks]} (both inclusive). */
    public RaftConfig withElectionTickRange(int minTicks, int maxTicks) {
        return toBuilder().electionTick(minTicks).electionTickMax(maxTicks).build();
    }

    /** etcd-io/raft's largest randomized timeout for {@code electionTick}: {@code 2·electionTick − 1}. */
    public static int etcdElectionTickMax(int electionTick) {
        return 2 * electionTick - 1;
    }

    public RaftConfig withElectionTimerRule(ElectionTimerRule rule) {
        return toBuilder().electionTimerRule(rule).build();
    }

    public RaftConfig withPreVote(boolean on) {
        return toBuilder().preVote(on).build();
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return toBuilder().checkQuorum(on).build();
    }

    public RaftConfig withReadOnlyOption(ReadOnlyOption option) {
        return toBuilder().readOnlyOption(option).build();
    }

    public RaftConfig withFlowControl(long newMaxSizePerMsg, int newMaxInflightMsgs) {
        return toBuilder().maxSizePerMsg(newMaxSizePerMsg).maxInflightMsgs(newMaxInflightMsgs).build();
    }

    public RaftConfig withMaxUncommittedEntriesSize(long bytes) {
        return toBuilder().maxUncommittedEntriesSize(bytes).build();
    }

    public RaftConfig withDisableProposalForwarding(boolean on) {
        return toBuilder().disableProposalForwarding(on).build();
    }

    public RaftConfig withLeaseDriftBoundPpm(long ppm) {
        return toBuilder().leaseDriftBoundPpm(ppm).build();
    }

    public RaftConfig withStepDownOnRemoval(boolean on) {
        return toBuilder().stepDownOnRemoval(on).build();
    }

    public RaftConfig withExternalElectionTimer(boolean on) {
        return toBuilder().externalElectionTimer(on).build();
    }

    public RaftConfig withApplied(long newApplied) {
        return toBuilder().applied(newApplied).build();
    }

    /** A builder initialised with this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.electionTick = electionTick;
        b.electionTickMax = electionTickMax;
        b.heartbeatTick = heartbeatTick;
        b.electionTimerRule = electionTimerRule;
        b.preVote = preVote;
        b.checkQuorum = checkQuorum;
        b.maxSizePerMsg = maxSizePerMsg;
        b.maxInflightMsgs = maxInflightMsgs;
        b.maxUncommittedEntriesSize = maxUncommittedEntriesSize;
        b.readOnlyOption = readOnlyOption;
        b.disableProposalForwarding = disableProposalForwarding;
        b.applied = applied;
        b.maxCommittedSizePerReady = maxCommittedSizePerReady;
        b.leaseDriftBoundPpm = leaseDriftBoundPpm;
        b.stepDownOnRemoval = stepDownOnRemoval;
        b.externalElectionTimer = externalElectionTimer;
        return b;
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private long id;
        private int electionTick;
        private int electionTickMax;
        private int heartbeatTick;
        private ElectionTimerRule electionTimerRule = ElectionTimerRule.ETCD_RAFT;
        private boolean preVote;
        private boolean checkQuorum;
        private long maxSizePerMsg;
        private int maxInflightMsgs;
        private long maxUncommittedEntriesSize;
        private ReadOnlyOption readOnlyOption;
        private boolean disableProposalForwarding;
        private long applied;
        private long maxCommittedSizePerReady;
        private long leaseDriftBoundPpm = DEFAULT_LEASE_DRIFT_BOUND_PPM;
        private boolean stepDownOnRemoval;
        private boolean externalElectionTimer;

        public Builder id(long value) {
            id = value;
            return this;
        }

        public Builder electionTick(int value) {
            electionTick = value;
            return this;
        }

        /** The largest election timeout in ticks, inclusive; 0 (the default) for etcd's {@code 2·electionTick − 1}. */
        public Builder electionTickMax(int value) {
            electionTickMax = value;
            return this;
        }

        public Builder heartbeatTick(int value) {
            heartbeatTick = value;
            return this;
        }

        public Builder electionTimerRule(ElectionTimerRule value) {
            electionTimerRule = value;
            return this;
        }

        public Builder preVote(boolean value) {
            preVote = value;
            return this;
        }

        public Builder checkQuorum(boolean value) {
            checkQuorum = value;
            return this;
        }

        public Builder maxSizePerMsg(long value) {
            maxSizePerMsg = value;
            return this;
        }

        public Builder maxInflightMsgs(int value) {
            maxInflightMsgs = value;
            return this;
        }

        public Builder maxUncommittedEntriesSize(long value) {
            maxUncommittedEntriesSize = value;
            return this;
        }

        public Builder readOnlyOption(ReadOnlyOption value) {
            readOnlyOption = value;
            return this;
        }

        public Builder disableProposalForwarding(boolean value) {
            disableProposalForwarding = value;
            return this;
        }

        public Builder applied(long value) {
            applied = value;
            return this;
        }

        public Builder maxCommittedSizePerReady(long value) {
            maxCommittedSizePerReady = value;
            return this;
        }

        public Builder leaseDriftBoundPpm(long value) {
            leaseDriftBoundPpm = value;
            return this;
        }

        public Builder stepDownOnRemoval(boolean value) {
            stepDownOnRemoval = value;
            return this;
        }

        public Builder externalElectionTimer(boolean value) {
            externalElectionTimer = value;
            return this;
        }

        public RaftConfig build() {
            int max = electionTickMax == 0 ? etcdElectionTickMax(electionTick) : electionTickMax;
            return new RaftConfig(id, electionTick, max, heartbeatTick, electionTimerRule, preVote, checkQuorum, maxSizePerMsg,
                    maxInflightMsgs, maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, applied,
                    maxCommittedSizePerReady, leaseDriftBoundPpm, stepDownOnRemoval, externalElectionTimer);
        }
    }
}
