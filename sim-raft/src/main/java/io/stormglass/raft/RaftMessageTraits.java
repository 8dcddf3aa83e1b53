package io.stormglass.raft;

import io.stormglass.engine.net.MessageTraits;
import io.stormglass.engine.net.TrafficClass;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgHeartbeatResp;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgReadIndexResp;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.VoteRequest;
import io.stormglass.raft.message.VoteResponse;
import io.stormglass.raft.storage.EntryLists;

/**
 * Wire size and traffic class of Raft messages for the network models. Sizes estimate etcd's
 * protobuf encoding inside its rafthttp framing: a fixed header plus entries, snapshot data and
 * contexts.
 */
public final class RaftMessageTraits implements MessageTraits<Message> {
    /** Framing plus the fixed message fields (type, to, from, term, logTerm, index, commit, reject...), bytes. */
    public static final int HEADER_BYTES = 64;

    @Override
    public long sizeBytes(Message m) {
        long body = 0;
        if (m instanceof MsgApp a) {
            body = EntryLists.sizeBytes(a.entries());
        } else if (m instanceof MsgProp p) {
            body = EntryLists.sizeBytes(p.entries());
        } else if (m instanceof MsgSnap s) {
            return snapshotEnvelopeBytes(s) + s.snapshot().data().length;
        } else if (m instanceof MsgHeartbeat h) {
            body = h.context().size();
        } else if (m instanceof MsgHeartbeatResp h) {
            body = h.context().size();
        } else if (m instanceof MsgReadIndex r) {
            body = r.context().size();
        } else if (m instanceof MsgReadIndexResp r) {
            body = r.context().size();
        }
        return HEADER_BYTES + body;
    }

    /**
     * A snapshot message without its data: the header and the snapshot's metadata (index, term and the
     * configuration's member ids). etcd's snapshot POST sends this much before the database file
     * (rafthttp's {@code createSnapBody}: the encoded message, then the file's bytes).
     */
    public static long snapshotEnvelopeBytes(MsgSnap s) {
        return HEADER_BYTES + 16L * (s.snapshot().metadata().confState().idCount() + 2);
    }

    @Override
    public TrafficClass trafficClass(Message m) {
        if (m instanceof MsgApp || m instanceof MsgAppResp) {
            return TrafficClass.APPEND;
        }
        if (m instanceof VoteRequest || m instanceof VoteResponse) {
            return TrafficClass.VOTE;
        }
        if (m instanceof MsgHeartbeat || m instanceof MsgHeartbeatResp) {
            return TrafficClass.HEARTBEAT;
        }
        if (m instanceof MsgSnap) {
            return TrafficClass.SNAPSHOT;
        }
        if (m instanceof MsgReadIndex || m instanceof MsgReadIndexResp) {
            return TrafficClass.READ_INDEX;
        }
        if (m instanceof MsgProp) {
            return TrafficClass.CLIENT;
        }
        return TrafficClass.CONTROL;
    }
}
