package io.stormglass.raft.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.log.ConfState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot data is etcd 3.6's v2 membership store as {@code json.Marshal} writes it. */
class MembershipStoreImageTest {
    private static String json(ConfState c) {
        return new String(MembershipStoreImage.of(c), StandardCharsets.UTF_8);
    }

    @Test
    void holdsEachMembersAttributesTheVersionAndTheStoresBookkeeping() {
        String three = json(ConfState.ofVoters(List.of(1L, 2L, 3L)));
        assertTrue(three.startsWith("{\"Root\":{\"Path\":\"/\",\"CreatedIndex\":0,\"ModifiedIndex\":0,"
                + "\"ExpireTime\":\"0001-01-01T00:00:00Z\",\"Value\":\"\",\"Children\":{\"0\":{\"Path\":\"/0\""), three);
        assertTrue(three.contains("\"/0/members/0000000000000002/raftAttributes\",\"CreatedIndex\":3,\"ModifiedIndex\":3,"
                + "\"ExpireTime\":\"0001-01-01T00:00:00Z\",\"Value\":\"{\\\"peerURLs\\\":[\\\"http://n2:2380\\\"]}\",\"Children\":null}"));
        assertTrue(three.contains("{\"action\":\"set\",\"node\":{\"key\":\"/0/version\",\"value\":\"3.6.0\",\"modifiedIndex\":7,\"createdIndex\":7}}"));
        assertTrue(three.endsWith("\"createSuccess\":3,\"createFail\":0,\"compareAndSwapSuccess\":0,\"compareAndSwapFail\":0,"
                + "\"compareAndDeleteSuccess\":0,\"compareAndDeleteFail\":0,\"expireCount\":0,\"watchers\":0},\"CurrentVersion\":2}"));
        assertEquals(MembershipStoreImage.EVENT_HISTORY_CAPACITY - 7 + 7, three.split("null", -1).length - 1,
                "the event queue's unused slots, and the 7 leaves' children");
    }

    @Test
    void aLearnerIsMarkedAndTheSizeIsAFewKilobytes() {
        ConfState withLearner = new ConfState(List.of(1L, 2L, 3L), List.of(), List.of(4L), List.of(), false);
        assertTrue(json(withLearner).contains("{\\\"peerURLs\\\":[\\\"http://n4:2380\\\"],\\\"isLearner\\\":true}"));
        int three = MembershipStoreImage.of(ConfState.ofVoters(List.of(1L, 2L, 3L))).length;
        int five = MembershipStoreImage.of(ConfState.ofVoters(List.of(1L, 2L, 3L, 4L, 5L))).length;
        assertEquals(8_838, three, "three members");
        assertEquals(10_638, five, "five members");
    }
}
