package io.stormglass.report.explorer;

import java.util.List;

/**
 * What happened around one change of leader, in order of cause and effect, as the explorer tells
 * it. Times are virtual nanoseconds; {@code -1} where the run did not record the moment.
 *
 * @param atNanos             when the new leader took office
 * @param term                the new leader's term
 * @param previousLeader      who led before (0: nobody)
 * @param newLeader           who leads now
 * @param lastHeartbeatNanos  the previous leader's last heartbeat before the change
 * @param blockingFsync       the previous leader's longest fdatasync in flight between its last heartbeat
 *                            and the first election timer, or null
 * @param neighbours          neighbour bursts on the previous leader's WAL device during that fdatasync
 * @param firstTimer          the member whose election timer fired first, or 0
 * @param firstTimerNanos     when it fired
 * @param firstTimerPreVote   whether it started a pre-vote
 * @param votes               the answers the candidates stepped between the first timer and the change
 * @param firstHeartbeatNanos the new leader's first heartbeat
 * @param lines               the story in words, one sentence per step
 */
public record LeaderChangeStory(long atNanos, long term, int previousLeader, int newLeader, long lastHeartbeatNanos,
        ExplorerTrace.Fsync blockingFsync, List<String> neighbours, int firstTimer, long firstTimerNanos,
        boolean firstTimerPreVote, List<ExplorerTrace.Vote> votes, long firstHeartbeatNanos, List<String> lines) {

    public LeaderChangeStory {
        neighbours = List.copyOf(neighbours);
        votes = List.copyOf(votes);
        lines = List.copyOf(lines);
    }

    /** The story as one paragraph. */
    public String text() {
        return String.join(" ", lines);
    }
}
