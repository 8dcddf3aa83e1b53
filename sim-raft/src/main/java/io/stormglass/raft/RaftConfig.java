package io.stormglass.raft;

import java.util.Objects;

/**
 * Configuration of one Raft member under etcd-io/raft's {@code Config} names. Ticks are the unit of
 * logical time: the application calls {@code tick()} at a fixed interval (etcd: every
 * {@code heartbeat-interval}, 100 ms by default), so with the etcd server defaults below the election
 * timeout is 10 ticks = 1 s and heartbeats go out every tick.
 *
 * @param id                        this member's id, non-zero
 * @param electionTick              election timeout in ticks; randomized per term in
 *                                  {@code [electionTick, 2·electionTick)} (§5.2). etcd server: 10
 * @param heartbeatTick             leader heartbeat interval in ticks (§5.2). etcd server: 1
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
 */
public record RaftConfig(
        long id,
        int electionTick,
        int heartbeatTick,
        boolean preVote,
        boolean checkQuorum,
        long maxSizePerMsg,
        int maxInflightMsgs,
        long maxUncommittedEntriesSize,
        ReadOnlyOption readOnlyOption,
        boolean disableProposalForwarding,
        long applied,
        long maxCommittedSizePerReady) {

    /** etcd server's {@code maxSizePerMsg}: 1 MiB. */
    public static final long ETCD_MAX_SIZE_PER_MSG = 1024 * 1024;
    /** etcd server's {@code maxInflightMsgs}: 4096 / 8. */
    public static final int ETCD_MAX_INFLIGHT_MSGS = 4096 / 8;
    /** etcd server's {@code MaxUncommittedEntriesSize}: 1 GiB. */
    public static final long ETCD_MAX_UNCOMMITTED_ENTRIES_SIZE = 1L << 30;

    public RaftConfig {
        Objects.requireNonNull(readOnlyOption, "readOnlyOption");
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
        if (readOnlyOption == ReadOnlyOption.LEASE_BASED && !checkQuorum) {
            throw new IllegalArgumentException("CheckQuorum must be enabled when ReadOnlyOption is LEASE_BASED");
        }
    }

    /** The configuration etcd's server uses (see the component defaults above). */
    public static RaftConfig etcdDefaults(long id) {
        return new RaftConfig(id, 10, 1, true, true, ETCD_MAX_SIZE_PER_MSG, ETCD_MAX_INFLIGHT_MSGS,
                ETCD_MAX_UNCOMMITTED_ENTRIES_SIZE, ReadOnlyOption.SAFE, false, 0, ETCD_MAX_SIZE_PER_MSG);
    }

    public RaftConfig withId(long newId) {
        return new RaftConfig(newId, electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs,
                maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, applied, maxCommittedSizePerReady);
    }

    public RaftConfig withTicks(int newElectionTick, int newHeartbeatTick) {
        return new RaftConfig(id, newElectionTick, newHeartbeatTick, preVote, checkQuorum, maxSizePerMsg,
                maxInflightMsgs, maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, applied,
                maxCommittedSizePerReady);
    }

    public RaftConfig withPreVote(boolean on) {
        return new RaftConfig(id, electionTick, heartbeatTick, on, checkQuorum, maxSizePerMsg, maxInflightMsgs,
                maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, applied, maxCommittedSizePerReady);
    }

    public RaftConfig withCheckQuorum(boolean on) {
        return new RaftConfig(id, electionTick, heartbeatTick, preVote, on, maxSizePerMsg, maxInflightMsgs,
                maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, applied, maxCommittedSizePerReady);
    }

    public RaftConfig withReadOnlyOption(ReadOnlyOption option) {
        return new RaftConfig(id, electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs,
                maxUncommittedEntriesSize, option, disableProposalForwarding, applied, maxCommittedSizePerReady);
    }

    public RaftConfig withFlowControl(long newMaxSizePerMsg, int newMaxInflightMsgs) {
        return new RaftConfig(id, electionTick, heartbeatTick, preVote, checkQuorum, newMaxSizePerMsg,
                newMaxInflightMsgs, maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, applied,
                maxCommittedSizePerReady);
    }

    public RaftConfig withMaxUncommittedEntriesSize(long bytes) {
        return new RaftConfig(id, electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs,
                bytes, readOnlyOption, disableProposalForwarding, applied, maxCommittedSizePerReady);
    }

    public RaftConfig withDisableProposalForwarding(boolean on) {
        return new RaftConfig(id, electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs,
                maxUncommittedEntriesSize, readOnlyOption, on, applied, maxCommittedSizePerReady);
    }

    public RaftConfig withApplied(long newApplied) {
        return new RaftConfig(id, electionTick, heartbeatTick, preVote, checkQuorum, maxSizePerMsg, maxInflightMsgs,
                maxUncommittedEntriesSize, readOnlyOption, disableProposalForwarding, newApplied,
                maxCommittedSizePerReady);
    }
}
