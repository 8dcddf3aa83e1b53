package io.stormglass.raft.server.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one member's transport knows of each peer's connection, as etcd's rafthttp {@code peerStatus}
 * keeps it: a peer becomes active when its stream connects and stays active, with the instant it became
 * so ({@code ActiveSince}), until the connection fails. Here a connection is judged by what arrives on
 * it: a peer is active from the first message heard after it was inactive; it becomes inactive after
 * {@link #CONN_READ_TIMEOUT_NANOS} without a message (rafthttp's read deadline; its streams carry link
 * heartbeats, and Raft heartbeats flow faster still, so only a cut or dead peer stays silent that long);
 * and a message from a new lifetime of the peer's process starts a new connection (the old process's
 * streams died with it). A peer that crashed less than the read timeout ago still counts as connected,
 * as it does in etcd when its machine lost power (no TCP reset reaches the others).
 *
 * <p>etcd reads it to pick the member to hand leadership to before a graceful stop
 * ({@code longestConnected}, server/etcdserver/util.go) and in its removal check
 * ({@code numConnectedSince}).
 */
final class PeerActivity {
    /** rafthttp's {@code DefaultConnReadTimeout} (server/etcdserver/api/rafthttp/peer.go). */
    static final long CONN_READ_TIMEOUT_NANOS = 5_000_000_000L;

    /** One peer's connection: active since, last heard, and the lifetime of the process that sent it. */
    private record Connection(long sinceNanos, long lastHeardNanos, int incarnation) {
    }

    private final Map<Integer, Connection> peers = new TreeMap<>();

    /** A message from {@code peer}'s process lifetime {@code incarnation} arrived at {@code nowNanos}. */
    void heard(int peer, int incarnation, long nowNanos) {
        Connection c = peers.get(peer);
        boolean continues = c != null && c.incarnation() == incarnation && nowNanos - c.lastHeardNanos() < CONN_READ_TIMEOUT_NANOS;
        peers.put(peer, new Connection(continues ? c.sinceNanos() : nowNanos, nowNanos, incarnation));
    }

    /** When {@code peer}'s connection became active, or -1 if it is not active at {@code nowNanos}. */
    long activeSinceNanos(int peer, long nowNanos) {
        Connection c = peers.get(peer);
        return c == null || nowNanos - c.lastHeardNanos() >= CONN_READ_TIMEOUT_NANOS ? -1 : c.sinceNanos();
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
