package io.stormglass.raft.client;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.List;

/**
 * clientv3's endpoint auto-sync ({@code Config.AutoSyncInterval}, client/v3/client.go {@code autoSync} and
 * {@code Sync}): an interval after the client starts, and an interval after each sync ends, the client asks
 * the cluster for its member list ({@code MemberList}, linearizable, under a 5 s deadline) and replaces its
 * endpoints with the voters in it ({@code SetEndpoints}; learners are left out, as clientv3 leaves them out).
 * A failed sync leaves the endpoints as they were. Each sync asks the next of the client's endpoints in turn,
 * as clientv3's round-robin balancer spreads its calls, so a connection stuck on a dead member still
 * learns the member list from the others. So a client follows membership changes: it stops calling
 * removed members and starts using added ones. clientv3 also leaves out members that have not published
 * their name yet (never started); here every voter is listed, and one that does not answer is left as any
 * dead endpoint is. clientv3's default interval is 0: no sync, the endpoints stay those it was given, as
 * kube-apiserver's stay its {@code --etcd-servers} (its clientv3 config sets no interval).
 */
public final class EndpointSync {
    private static final EventKind SYNC = EventKind.named("client.auto-sync");
    /** clientv3's {@code autoSync}: each {@code Sync} runs under a 5 s context. */
    static final long SYNC_TIMEOUT_NANOS = 5_000_000_000L;

    private final Scheduler scheduler;
    private final KvClient client;
    private final long intervalNanos;
    private final long untilNanos;
    private int syncs;
    /** Which endpoint the next sync asks (modulo their number): each client starts at its own id, then goes in turn. */
    private int asked;

    private EndpointSync(Scheduler scheduler, KvClient client, long intervalNanos, long untilNanos) {
        this.scheduler = scheduler;
        this.client = client;
        this.intervalNanos = intervalNanos;
        this.untilNanos = untilNanos;
        this.asked = client.nodeId();
    }

    /**
     * Syncs {@code client}'s endpoints every {@code intervalNanos} (as clientv3: the first an interval from now)
     * until {@code untilNanos} (the client's load ends there); does nothing when the interval is 0.
     *
     * @return the sync, or null when the interval is 0
     */
    public static EndpointSync start(Scheduler scheduler, KvClient client, long intervalNanos, long untilNanos) {
        if (intervalNanos <= 0) {
            return null;
        }
        EndpointSync sync = new EndpointSync(scheduler, client, intervalNanos, untilNanos);
        sync.schedule();
        return sync;
    }

    /** Syncs that replaced the endpoints so far. */
    public int syncs() {
        return syncs;
    }

    private void schedule() {
        if (scheduler.nowNanos() + intervalNanos >= untilNanos) {
            return;
        }
        scheduler.schedule(intervalNanos, SYNC, client.nodeId(), this::sync);
    }

    private void sync() {
        List<Integer> endpoints = client.endpoints();
        int member = endpoints.get(Math.floorMod(asked++, endpoints.size()));
        client.memberList(member, SYNC_TIMEOUT_NANOS, (members, error) -> {
            List<Integer> voters = members == null ? List.of() : members.voters();
            if (!voters.isEmpty()) {
                client.setEndpoints(voters);
                syncs++;
            }
            schedule();
        });
    }
}
