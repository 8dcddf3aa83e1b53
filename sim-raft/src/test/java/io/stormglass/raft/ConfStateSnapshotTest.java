package io.stormglass.raft;

import static io.stormglass.raft.MembershipChangeTest.GENESIS;
import static io.stormglass.raft.MembershipChangeTest.change;
import static io.stormglass.raft.MembershipChangeTest.cluster;
import static io.stormglass.raft.MembershipChangeTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.engine.random.SimRandom;
import io.stormglass.raft.harness.RaftCluster;
import io.stormglass.raft.log.ConfChange;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.log.SnapshotMetadata;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.storage.MemoryStorage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration in snapshots and across restarts (§7: a snapshot holds "the latest configuration as
 * of the last included index", thesis §5.1; etcd-io/raft's {@code ConfState}).
 */
class ConfStateSnapshotTest {
    // §7: a member that joins with nothing learns the configuration from the snapshot it is sent.
    @Test
    void aMemberThatJoinsEmptyAdoptsTheSnapshotsConfiguration() {
        RaftCluster c = cluster();
        change(c, 1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4));
        c.commit(1, "a");
        long applied = c.node(1).core().log().applied();
        assertTrue(c.compact(1, applied));
        assertEquals(List.of(4L), c.get(1).storage().snapshot().metadata().confState().learners());
        c.addMember(4, ConfState.EMPTY);
        assertEquals("voters=()", config(c, 4));
        c.elapse(3);
        assertEquals("voters=(1 2 3) learners=(4)", config(c, 4));
        assertEquals(applied, c.get(4).storage().snapshot().index(), "caught up by snapshot");
        c.commit(1, "b");
        assertEquals(c.node(1).core().log().committed(), c.node(4).core().log().committed());
    }

    // A restart restores the snapshot's configuration, then the application re-applies the changes after it.
    @Test
    void aRestartRestoresTheConfigurationFromSnapshotAndLog() {
        RaftCluster c = cluster();
        c.addMember(4, GENESIS);
        c.addMember(5, GENESIS);
        change(c, 1, new ConfChange(ConfChangeType.ADD_LEARNER_NODE, 4));
        assertTrue(c.compact(2, c.node(2).core().log().applied()));
        change(c, 1, new ConfChange(ConfChangeType.ADD_NODE, 5));
        c.crash(2);
        c.restart(2);
        assertEquals("voters=(1 2 3) learners=(4)", config(c, 2), "from the snapshot alone");
        c.elapse(2);
        assertEquals("voters=(1 2 3 5) learners=(4)", config(c, 2), "and the change after it, re-applied");
        assertEquals(config(c, 1), config(c, 2));
    }

    // etcd-io/raft's defence: a snapshot whose configuration does not name the member is not installed.
    @Test
    void aSnapshotThatDoesNotNameTheMemberIsRefused() {
        RawNode n = new RawNode(RaftConfig.etcdDefaults(4), new MemoryStorage(ConfState.EMPTY), new SimRandom(1));
        n.step(new MsgSnap(1, 4, 1, new Snapshot(new SnapshotMetadata(5, 1, ConfState.ofVoters(List.of(1L, 2L, 3L))),
                null)));
        Ready rd = n.ready();
        assertNull(rd.snapshot());
        n.advance(rd);
        ConfState named = new ConfState(List.of(1L, 2L, 3L), List.of(), List.of(4L), List.of(), false);
        n.step(new MsgSnap(1, 4, 1, new Snapshot(new SnapshotMetadata(5, 1, named), null)));
        rd = n.ready();
        assertNotNull(rd.snapshot());
        assertEquals(named, n.core().tracker().confState());
    }

    // The core's configuration is the storage's on boot, joint state included.
    @Test
    void bootRestoresAJointConfiguration() {
        ConfState joint = new ConfState(List.of(1L, 2L, 3L), List.of(1L, 2L, 4L), List.of(5L), List.of(4L), true);
        MemoryStorage s = new MemoryStorage(joint);
        RawNode n = new RawNode(RaftConfig.etcdDefaults(1), s, new SimRandom(1));
        assertEquals("voters=(1 2 3)&&(1 2 4) learners=(5) learners_next=(4) autoleave", n.status().config().toString());
        assertEquals(joint, n.core().tracker().confState());
    }
}
