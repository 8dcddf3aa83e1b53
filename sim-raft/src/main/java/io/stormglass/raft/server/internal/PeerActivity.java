package io.stormglass.raft.server.internal;

import java.util.function.LongSupplier;

/**
 * What one member's transport knows of each peer's connection, as etcd's rafthttp {@code peerStatus}
 * keeps it: active since the stream connected ({@code ActiveSince}) until the connection fails. Every
 * etcd member keeps streams open to every peer whatever its Raft role, with link heartbeats every
 * {@code ConnReadTimeout}/3 when idle, so a connection lives as long as both processes and the path between
 * them. Here link heartbeats are not sent (they would be events of their own); a connection is judged from
 * the Raft messages that arrive and the start of the processes: a peer heard from is connected since its
 * process (or this one) started, as rafthttp dials a peer within 100 ms of start; silence for
 * {@link #CONN_READ_TIMEOUT_NANOS} while this member leads (it sends every peer heartbeats, which are
 * answered) means the connection failed (rafthttp's read deadline), and the peer counts again, as newly
 * connected, from its next message. A silence between two followers, who have no Raft traffic, is not
 * seen; a peer that crashed less than the read timeout ago still counts as connected, as it does in etcd
 * when its machine lost power (no TCP reset reaches the others).
 *
 * <p>etcd reads it to pick the member to hand leadership to before a graceful stop
 * ({@code longestConnected}, server/etcdserver/util.go) and in the connectivity checks of
 * {@code --strict-reconfig-check} ({@code numConnectedSince}).
 */
final class PeerActivity {
    /** rafthttp's {@code DefaultConnReadTimeout} (server/etcdserver/api/rafthttp/peer.go). */
    static final long CONN_READ_TIMEOUT_NANOS = 5_000_000_000L;

    /** One peer's connection: active since, last heard, and when the peer's process started; updated in place on every message. */
    private static final class Connection {
        long sinceNanos;
        long lastHeardNanos;
        long peerStartNanos;
    }

    private final long startNanos;
    private final LongSupplier leaderSinceNanos;
    private final PeerTable<Connection> peers = new PeerTable<>();

    /**
     * @param startNanos       when this member's process started
     * @param leaderSinceNanos when this member became leader, -1 while it does not lead
     */
    PeerActivity(long startNanos, LongSupplier leaderSinceNanos) {
        this.startNanos = startNanos;
        this.leaderSinceNanos = leaderSinceNanos;
    }

    /** A message from {@code peer}'s process that started at {@code peerStartNanos} arrived at {@code nowNanos}. */
    void heard(int peer, long peerStartNanos, long nowNanos) {
        Connection c = peers.get(peer);
        long since;
        if (c == null || c.peerStartNanos != peerStartNanos) {
            since = Math.max(peerStartNanos, startNanos); // a new process: its streams connected as it started
        } else if (silent(c, nowNanos)) {
            since = nowNanos; // the connection had failed: this message comes on a new one
        } else {
            since = c.sinceNanos;
        }
        if (c == null) {
            c = new Connection();
            peers.put(peer, c);
        }
        c.sinceNanos = since;
        c.lastHeardNanos = nowNanos;
        c.peerStartNanos = peerStartNanos;
    }

    /** When {@code peer}'s connection became active, or -1 if it is not active at {@code nowNanos}. */
    long activeSinceNanos(int peer, long nowNanos) {
        Connection c = peers.get(peer);
        return c == null || silent(c, nowNanos) ? -1 : c.sinceNanos;
    }

    /** Whether, leading, this member has heard nothing from the peer for the read timeout. */
    private boolean silent(Connection c, long nowNanos) {
        long leading = leaderSinceNanos.getAsLong();
        return leading >= 0 && nowNanos - Math.max(c.lastHeardNanos, leading) >= CONN_READ_TIMEOUT_NANOS;
    }

    /**
     * etcd's {@code longestConnected}: of {@code candidates}, the active peer connected the longest (the
     * first in the given order on ties), or 0 if none is active.
     */
    int longestConnected(Iterable<Integer> candidates, long nowNanos) {
        int best = 0;
        long oldest = Long.MAX_VALUE;
        for (int id : candidates) {
            long since = activeSinceNanos(id, nowNanos);
            if (since >= 0 && since < oldest) {
                oldest = since;
                best = id;
            }
        }
        return best;
    }
}
