package io.stormglass.experiment.fuzz;

import java.util.Locale;

/** The faults a schedule can draw, named as on the command line ({@code --faults crash,partition}). */
public enum FaultKind {
    /** Power loss of a member: the process dies and its disks lose, tear or corrupt unsynced writes. */
    CRASH,
    /** Some members cut off from the others, both ways (clients still reach everyone). */
    PARTITION,
    /** Only one direction cut: the side still hears the others but they do not hear it. */
    ONE_WAY,
    /** A partition that comes and goes at a period. */
    FLAPPING,
    /** A member's WAL device answers nothing until the stall ends. */
    DISK_STALL,
    /** A member's WAL device k times slower. */
    DISK_SLOW,
    /** Messages between members lost at a rate. */
    PACKET_LOSS,
    /** Messages between members delivered twice. */
    DUPLICATE,
    /** Messages between members delayed at random, so they overtake each other. */
    REORDER,
    /** A member's clock runs fast or slow for a while (ticks, leases). */
    CLOCK_DRIFT,
    /**
     * Targeted: power loss of whichever member leads at that instant. Under the suite's workload a
     * leader acknowledges a write every few milliseconds, so this is a leader crash right after an
     * acknowledgement, the moment persistence-before-acknowledgement bugs show.
     */
    LEADER_CRASH,
    /**
     * Targeted: a member starts an election at once (etcd's {@code Campaign}); the clients keep reading,
     * so reads arrive right after an election, where a new leader's commit index may still lag (§6.4).
     */
    CAMPAIGN,
    /**
     * Targeted: the operator's {@code move-leader} to a member (thesis §3.10) while the clients keep
     * proposing, so proposals arrive during the transfer (refused by the leader) and right after it.
     */
    MOVE_LEADER,
    /**
     * Targeted: a partition that cuts the leader off from the other members, alone or (5 members and
     * more) in a minority with some followers, while the clients keep talking to it (Jepsen's leader
     * isolation): a deposed leader that still answers reads or accepts writes shows here. The stateful properties aim it at the member leading when it is injected; a
     * schedule drawn in advance ({@code stormglass fuzz}) cannot know the leader and isolates its target.
     */
    ISOLATE_LEADER,
    /**
     * An operator's membership change: add a spare as a learner, promote the learner, remove a member, or
     * replace a voter by a spare; the next valid one in time order ({@link MembershipWalk}). Needs a base
     * scenario with {@code cluster.spare-members}; off unless asked for ({@code --faults ...,member-change}).
     * Last, so that the swarm draws of the default space (without it) do not depend on it.
     */
    MEMBER_CHANGE;

    /** The command-line name: {@code disk-stall}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
