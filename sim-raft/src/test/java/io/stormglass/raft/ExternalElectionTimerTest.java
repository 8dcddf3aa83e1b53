package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.log.ByteString;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgVote;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A core whose election timeout the application keeps as a deadline of its own (a plain Raft server's
 * timer thread): ticks never start an election, {@code electionTimeout()} does, and every restart of
 * the timer moves the start count the application re-arms on.
 */
class ExternalElectionTimerTest {
    private static RawNode node(boolean external) {
        MemoryStorage storage = new MemoryStorage(List.of(1L, 2L, 3L));
        storage.append(List.of(Entry.normal(1, 1, null)));
        storage.setHardState(new HardState(1, 0, 0));
        RaftConfig cfg = RaftConfig.etcdDefaults(3).withTicks(150, 75).withElectionTickRange(150, 160).withPreVote(false)
                .withCheckQuorum(false).withElectionTimerRule(ElectionTimerRule.RAFT_PAPER).withExternalElectionTimer(external);
        return new RawNode(cfg, storage, new SimRandom(5));
    }

    @Test
    void ticksNeverStartAnElectionWhenTheApplicationKeepsTheDeadline() {
        RawNode n = node(true);
        for (int i = 0; i < 1000; i++) {
            n.tick();
        }
        assertEquals(StateRole.FOLLOWER, n.core().state(), "a thousand ticks, six timeouts, and no candidacy");
        RawNode counting = node(false);
        for (int i = 0; i < 160; i++) {
            counting.tick();
        }
        assertEquals(StateRole.CANDIDATE, counting.core().state(), "the same core counting ticks campaigns");
    }

    @Test
    void theDeadlinePassingStartsACandidacyThatRestartsTheTimer() {
        RawNode n = node(true);
        long starts = n.electionTimerStarts();
        n.electionTimeout();
        assertEquals(StateRole.CANDIDATE, n.core().state());
        assertEquals(2, n.core().term());
        assertEquals(starts + 2, n.electionTimerStarts(), "the expiry restarts the timer, the candidacy again with a new draw");
        int timeout = n.randomizedElectionTimeout();
        assertTrue(timeout >= 150 && timeout <= 160, "drawn in the configured range: " + timeout);
    }

    @Test
    void hearingTheLeaderRestartsTheTimerAndRejectingAStaleCandidateDoesNot() {
        RawNode n = node(true);
        long starts = n.electionTimerStarts();
        n.step(new MsgHeartbeat(1, 3, 1, 0, ByteString.EMPTY));
        assertEquals(starts + 1, n.electionTimerStarts(), "a heartbeat from the leader restarts it (Fig. 2)");
        // §5.4.1: a candidate of term 5 whose log is behind ours: we adopt its term, refuse, and keep our deadline
        n.step(new MsgVote(2, 3, 5, 0, 0, false));
        assertEquals(5, n.core().term());
        assertEquals(starts + 1, n.electionTimerStarts(), "the paper's rule: a refused vote leaves the timer running");
    }
}
