package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RaftConfigTest {
    private static String rejected(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void etcdDefaults() {
        RaftConfig c = RaftConfig.etcdDefaults(1);
        assertEquals(10, c.electionTick());
        assertEquals(1, c.heartbeatTick());
        assertEquals(1024 * 1024, c.maxSizePerMsg());
        assertEquals(512, c.maxInflightMsgs());
        assertTrue(c.preVote() && c.checkQuorum());
        assertEquals(ReadOnlyOption.SAFE, c.readOnlyOption());
    }

    @Test
    void invalidCombinationsAreRejectedWithClearMessages() {
        RaftConfig ok = RaftConfig.etcdDefaults(1);
        assertTrue(rejected(() -> ok.withTicks(5, 5)).contains("election tick must be greater than heartbeat tick"));
        assertTrue(rejected(() -> ok.withTicks(10, 0)).contains("heartbeat tick must be greater than 0"));
        assertTrue(rejected(() -> ok.withCheckQuorum(false).withReadOnlyOption(ReadOnlyOption.LEASE_BASED))
                .contains("CheckQuorum must be enabled when ReadOnlyOption is LEASE_BASED"));
        assertTrue(rejected(() -> ok.withReadOnlyOption(ReadOnlyOption.LEASE_BASED).withCheckQuorum(false))
                .contains("CheckQuorum"));
        assertTrue(rejected(() -> ok.withId(0)).contains("id must be non-zero"));
        assertTrue(rejected(() -> ok.withFlowControl(1024, 0)).contains("max inflight messages"));
        assertTrue(rejected(() -> ok.withFlowControl(0, 10)).contains("max size per message"));
        assertTrue(rejected(() -> ok.withMaxUncommittedEntriesSize(-1)).contains("max uncommitted entries size"));
        assertTrue(rejected(() -> ok.withApplied(-1)).contains("applied"));
    }
}
