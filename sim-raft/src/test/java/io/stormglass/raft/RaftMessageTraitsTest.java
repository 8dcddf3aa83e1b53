package io.stormglass.raft;

import io.stormglass.raft.log.ByteString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.engine.net.TrafficClass;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgPreVote;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.MsgTimeoutNow;
import io.stormglass.raft.message.MsgVoteResp;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftMessageTraitsTest {
    private final RaftMessageTraits traits = new RaftMessageTraits();

    @Test
    void sizesGrowWithPayload() {
        MsgApp empty = new MsgApp(1, 2, 1, 1, 1, List.of(), 1);
        MsgApp full = new MsgApp(1, 2, 1, 1, 1, List.of(Entry.normal(1, 2, new byte[1000])), 1);
        assertEquals(RaftMessageTraits.HEADER_BYTES, traits.sizeBytes(empty));
        assertEquals(RaftMessageTraits.HEADER_BYTES + Entry.HEADER_BYTES + 1000, traits.sizeBytes(full));
        MsgSnap snap = new MsgSnap(1, 2, 1, new Snapshot(new SnapshotMetadata(5, 1, ConfState.ofVoters(List.of(1L, 2L, 3L))), new byte[1 << 20]));
        assertEquals(true, traits.sizeBytes(snap) > 1 << 20);
    }

    @Test
    void classes() {
        assertEquals(TrafficClass.APPEND, traits.trafficClass(new MsgApp(1, 2, 1, 0, 0, List.of(), 0)));
        assertEquals(TrafficClass.HEARTBEAT, traits.trafficClass(new MsgHeartbeat(1, 2, 1, 0, ByteString.EMPTY)));
        assertEquals(TrafficClass.VOTE, traits.trafficClass(new MsgPreVote(1, 2, 1, 0, 0, false)));
        assertEquals(TrafficClass.VOTE, traits.trafficClass(new MsgVoteResp(1, 2, 1, false)));
        assertEquals(TrafficClass.SNAPSHOT, traits.trafficClass(new MsgSnap(1, 2, 1, Snapshot.EMPTY)));
        assertEquals(TrafficClass.READ_INDEX, traits.trafficClass(new MsgReadIndex(1, 2, 0, ByteString.EMPTY)));
        assertEquals(TrafficClass.CONTROL, traits.trafficClass(new MsgTimeoutNow(1, 2, 1)));
    }
}
