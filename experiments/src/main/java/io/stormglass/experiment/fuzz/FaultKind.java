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
     * An operator's membership change: add a spare as a learner, promote the learner, remove a member, or
     * replace a voter by a spare; the next valid one in time order ({@link MembershipWalk}). Needs a base
     * scenario with {@code cluster.spare-members}; off unless asked for ({@code --faults ...,member-change}).
     */
    MEMBER_CHANGE;

    /** The command-line name: {@code disk-stall}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
