package io.stormglass.raft.server;

import io.stormglass.engine.net.MessageTraits;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.raft.RaftMessageTraits;
import io.stormglass.raft.kv.KeyValue;
import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvResult;

/**
 * Sizes and classes of what crosses the network: Raft messages as {@link RaftMessageTraits}
 * sizes them; client requests and replies as gRPC frames (a fixed header plus keys and values).
 */
public final class WireTraits implements MessageTraits<Wire> {
    /** gRPC + HTTP/2 framing and the request header, approximately. */
    static final int RPC_OVERHEAD_BYTES = 64;

    private final RaftMessageTraits raft = new RaftMessageTraits();

    @Override
    public long sizeBytes(Wire wire) {
        if (wire instanceof Wire.Raft r) {
            return raft.sizeBytes(r.message());
        }
        if (wire instanceof Wire.Snapshot s) {
            return snapshotBytes(s);
        }
        if (wire instanceof Wire.Request req) {
            return requestBytes(req);
        }
        if (wire instanceof Wire.SnapshotReceived) {
            return RPC_OVERHEAD_BYTES;
        }
        return replyBytes(((Wire.Response) wire).reply());
    }

    /** Bytes of a snapshot POST: the message's envelope, then the database file. */
    public static long snapshotBytes(Wire.Snapshot s) {
        return RaftMessageTraits.snapshotEnvelopeBytes(s.message()) + s.databaseBytes();
    }

    /** Bytes of a client request on the wire: framing and header, then its keys and value. */
    public static int requestBytes(Wire.Request req) {
        if (req.op() instanceof Wire.ClientOp.Write w) {
            return RPC_OVERHEAD_BYTES + KvCodec.proposalBytes(w.command());
        }
        if (req.op() instanceof Wire.ClientOp.Read r) {
            return RPC_OVERHEAD_BYTES + r.key().length() + r.rangeEnd().length();
        }
        if (req.op() instanceof Wire.ClientOp.Watch w) {
            return RPC_OVERHEAD_BYTES + w.key().length() + w.rangeEnd().length() + 8;
        }
        return RPC_OVERHEAD_BYTES + 8;
    }

    /** A member in a member list: its id, name, peer and client URLs and learner flag, approximately. */
    static final int MEMBER_BYTES = 96;

    /** Bytes of a reply on the wire: framing and header, then the key-values of a range (or the members of a list). */
    public static int replyBytes(Wire.ClientReply reply) {
        if (reply instanceof Wire.ClientReply.Members m) {
            return RPC_OVERHEAD_BYTES + MEMBER_BYTES * (m.voters().size() + m.learners().size());
        }
        if (reply instanceof Wire.ClientReply.Watched w) {
            int bytes = RPC_OVERHEAD_BYTES;
            for (io.stormglass.raft.kv.WatchEvent e : w.response().events()) {
                bytes += e.kv().key().length() + e.kv().value().length() + 32;
            }
            return bytes;
        }
        if (reply instanceof Wire.ClientReply.Ok ok && ok.result() instanceof KvResult.RangeResult range) {
            int bytes = RPC_OVERHEAD_BYTES;
            for (KeyValue kv : range.kvs()) {
                bytes += kv.key().length() + kv.value().length() + 32;
            }
            return bytes;
        }
        return RPC_OVERHEAD_BYTES;
    }

    @Override
    public TrafficClass trafficClass(Wire wire) {
        if (wire instanceof Wire.SnapshotReceived || wire instanceof Wire.Snapshot) {
            return TrafficClass.SNAPSHOT;
        }
        return wire instanceof Wire.Raft r ? raft.trafficClass(r.message()) : TrafficClass.CLIENT;
    }
}
