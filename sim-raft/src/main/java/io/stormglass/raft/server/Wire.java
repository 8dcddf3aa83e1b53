package io.stormglass.raft.server;

import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.kv.KvResult;
import io.stormglass.raft.message.Message;

/**
 * Everything that crosses the simulated network between members and clients: Raft messages
 * between members (etcd's peer traffic) and client requests and replies (etcd's gRPC traffic).
 */
public sealed interface Wire {
    /**
     * Peer traffic: one Raft message.
     *
     * @param senderStartNanos when the sending member's process started: rafthttp's streams live as long as a
     *                         process and every member keeps them open to every peer, so the receiver tells from
     *                         it since when the peer has been connected (its {@code ActiveSince})
     */
    record Raft(Message message, long senderStartNanos) implements Wire {
    }

    /**
     * A snapshot on the snapshot connection (etcd's {@code snap.Message}, POSTed by rafthttp's snapshot
     * sender): the Raft message with the snapshot's metadata, followed by the leader's database file of
     * {@code databaseBytes} bytes (bbolt's {@code tx.Size()}: live and historical data and free pages).
     * The message's snapshot data is etcd's (the membership); the key-value state the file holds travels
     * beside it, encoded, and the transfer is sized by the file.
     *
     * @param message       the snapshot message
     * @param databaseBytes the size of the database file that follows it on the wire
     * @param database      the key-value state that database file holds, encoded
     */
    record Snapshot(io.stormglass.raft.message.MsgSnap message, long databaseBytes,
            io.stormglass.raft.kv.KvSnapshot database) implements Wire {
    }

    /**
     * The answer to a snapshot sent on the snapshot connection (etcd's rafthttp: the HTTP response to the
     * snapshot POST, written once the receiver has saved it), carrying the snapshot's index.
     */
    record SnapshotReceived(long index) implements Wire {
    }

    /**
     * A client request.
     *
     * @param requestId unique per request attempt (the client's id in the high bits)
     * @param replyTo   the node the reply goes to (the client, also when a member forwards it)
     * @param op        what is asked
     */
    record Request(long requestId, int replyTo, ClientOp op) implements Wire {
    }

    /** The reply to a {@link Request}. */
    record Response(long requestId, ClientReply reply) implements Wire {
    }

    /** What a client may ask of a member. */
    sealed interface ClientOp {
        /** A replicated command: put, delete, txn, lease grant or revoke. */
        record Write(KvCommand command) implements ClientOp {
        }

        /**
         * A range read.
         *
         * @param linearizable true: through ReadIndex (etcd's default); false: served locally (serializable)
         * @param revision     the revision to read at, 0 for the current one (etcd's {@code RangeRequest.revision})
         * @param limit        at most this many keys, 0 for all (etcd's {@code RangeRequest.limit})
         */
        record Read(String key, String rangeEnd, boolean linearizable, long revision, int limit) implements ClientOp {
            /** A read of the current revision, without limit. */
            public Read(String key, String rangeEnd, boolean linearizable) {
                this(key, rangeEnd, linearizable, 0, 0);
            }
        }

        /**
         * Creates a watcher on the member the request goes to (etcd's {@code WatchCreateRequest}); its
         * responses come back as {@link ClientReply.Watched} under this request's id, on the client's
         * one watch stream to that member.
         *
         * @param startRevision 0: from the next revision
         */
        record Watch(String key, String rangeEnd, long startRevision) implements ClientOp {
        }

        /** Removes a watcher (etcd's {@code WatchCancelRequest}). */
        record WatchCancel(long watchId) implements ClientOp {
        }

        /** Keeps a lease alive; served by the leader (followers forward it). */
        record KeepAlive(long leaseId) implements ClientOp {
        }

        /**
         * Lists the cluster's members (etcd's {@code Cluster.MemberList}, linearizable as clientv3 sends it by
         * default: the member answers once a read index confirms its view is current).
         */
        record MemberList() implements ClientOp {
        }
    }

    /** A member's answer. */
    sealed interface ClientReply {
        record Ok(KvResult result) implements ClientReply {
        }

        /** A lease keepalive's answer: the remaining time to live. */
        record LeaseAlive(long leaseId, long ttlNanos) implements ClientReply {
        }

        /**
         * A message on a client's watch stream to a member: events, a progress notification, or a
         * cancellation. A stream is one gRPC stream over one TCP connection, so its messages arrive in order
         * and without gaps or not at all; {@code streamId} names the stream (the request that opened it) and
         * {@code seq} numbers its messages from 1, so that a client can tell a broken connection (a message
         * missing or out of order, which the simulated network may cause where TCP would have reset the
         * connection) from a healthy one.
         */
        record Watched(io.stormglass.raft.kv.WatchResponse response, long streamId, long seq) implements ClientReply {
        }

        /**
         * The members of the configuration the answering member has applied: voters and learners, by id (a
         * member's id is its endpoint here).
         */
        record Members(java.util.List<Integer> voters, java.util.List<Integer> learners) implements ClientReply {
            public Members {
                voters = java.util.List.copyOf(voters);
                learners = java.util.List.copyOf(learners);
            }
        }

        /** A failure, with etcd's error text (see {@link EtcdErrors}). */
        record Error(String message) implements ClientReply {
        }
    }
}
