package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.Scheduler;
import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.Timeline;
import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.raft.SoftState;
import io.stormglass.raft.StateRole;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.server.MemberObserver;

/**
 * What the member's raft loop knows of leadership: the role and leader of the last Ready that
 * changed them (etcd's {@code rd.SoftState}). A change is counted
 * ({@code etcd_server_leader_changes_seen_total}), put on the timeline (leader changed, role
 * changed, election started), and passed on: a new leader becomes the primary lessor and resets
 * its heartbeat watch, a deposed one demotes its lessor, and pending linearizable reads fail with
 * {@code leader changed}.
 */
final class Leadership {
    private final Scheduler scheduler;
    private final int self;
    private final long electionTimeoutNanos;
    private final Timeline timeline;
    private final MemberMetrics metrics;
    private final HeartbeatWatch heartbeats;
    private final LeaseKeeper leases;
    private final ReadIndexLoop readLoop;
    private final MemberObserver observer;
    private SoftState softState = new SoftState(0, StateRole.FOLLOWER);
    /** When this member last became leader; -1 while it is not. */
    private long leaderSinceNanos = -1;

    Leadership(Scheduler scheduler, int self, long electionTimeoutNanos, Timeline timeline, MemberMetrics metrics,
            HeartbeatWatch heartbeats, LeaseKeeper leases, ReadIndexLoop readLoop, MemberObserver observer) {
        this.scheduler = scheduler;
        this.self = self;
        this.electionTimeoutNanos = electionTimeoutNanos;
        this.timeline = timeline;
        this.metrics = metrics;
        this.heartbeats = heartbeats;
        this.leases = leases;
        this.readLoop = readLoop;
        this.observer = observer;
    }

    boolean isLeader() {
        return softState.role() == StateRole.LEADER;
    }

    /** When this member became leader, or -1 while it does not lead. */
    long leaderSinceNanos() {
        return leaderSinceNanos;
    }

    /** The leader this member knows of, or {@link Message#NONE}. */
    long leader() {
        return softState.leader();
    }

    /** A Ready carried a new soft state, at {@code term}. */
    void changed(SoftState next, long term) {
        SoftState previous = softState;
        softState = next;
        long now = scheduler.nowNanos();
        boolean newLeader = next.leader() != Message.NONE && next.leader() != previous.leader();
        if (newLeader) {
            metrics.leaderChanges.increment();
        }
        if (next.leader() != previous.leader()) {
            timeline.append(new TimelineEvent.LeaderChanged(now, self, term, (int) previous.leader(), (int) next.leader()));
        }
        if (next.role() != previous.role()) {
            timeline.append(new TimelineEvent.RoleChanged(now, self, roleOf(next.role()), term));
            if (next.role() == StateRole.PRE_CANDIDATE || next.role() == StateRole.CANDIDATE) {
                timeline.append(new TimelineEvent.ElectionStarted(now, self, term, next.role() == StateRole.PRE_CANDIDATE));
            }
        }
        if (next.role() == StateRole.LEADER && previous.role() != StateRole.LEADER) {
            leaderSinceNanos = now;
            heartbeats.reset();
            leases.promote(electionTimeoutNanos);
        } else if (next.role() != StateRole.LEADER && previous.role() == StateRole.LEADER) {
            leaderSinceNanos = -1;
            leases.demote();
        }
        if (newLeader) {
            readLoop.onLeaderChanged();
        }
        observer.softStateChanged(self, term, next.leader(), next.role());
    }

    static NodeRole roleOf(StateRole role) {
        return switch (role) {
            case FOLLOWER -> NodeRole.FOLLOWER;
            case PRE_CANDIDATE -> NodeRole.PRE_CANDIDATE;
            case CANDIDATE -> NodeRole.CANDIDATE;
            case LEADER -> NodeRole.LEADER;
        };
    }
}
