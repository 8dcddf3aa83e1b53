package io.stormglass.raft.confchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeType;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.tracker.ProgressTracker;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every configuration the {@link Changer} can reach survives the trip through a {@link ConfState} (a
 * snapshot, a restart): {@link Restore} rebuilds the same configuration, with progress for exactly its
 * members (etcd-io/raft's {@code TestRestore}).
 */
class RestoreProperties {
    /** One move: 0 simple, 1 enter joint, 2 enter joint with auto-leave, 3 leave joint; with its changes. */
    record Move(int kind, List<ConfChangeSingle> changes) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<ConfChangeSingle> change = Combinators.combine(Arbitraries.of(ConfChangeType.class),
                Arbitraries.longs().between(1, 6)).as(ConfChangeSingle::new);
        return Combinators.combine(Arbitraries.integers().between(0, 3), change.list().ofMaxSize(4))
                .as(Move::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void restoringAConfStateGivesTheSameConfiguration(@ForAll("moves") List<Move> moves) {
        ProgressTracker tracker = new ProgressTracker(10, 0);
        install(tracker, new Changer(tracker, 1).simple(List.of(new ConfChangeSingle(ConfChangeType.ADD_NODE, 1))));
        assertRestores(tracker, 1);
        long lastIndex = 1;
        for (Move m : moves) {
            lastIndex++;
            Changer c = new Changer(tracker, lastIndex);
            try {
                install(tracker, switch (m.kind()) {
                    case 0 -> c.simple(m.changes());
                    case 1, 2 -> c.enterJoint(m.kind() == 2, m.changes());
                    default -> c.leaveJoint();
                });
            } catch (InvalidConfChangeException refused) {
                continue;
            }
            assertRestores(tracker, lastIndex);
        }
    }

    private static void install(ProgressTracker tracker, Changer.Result r) {
        tracker.switchTo(r.config(), r.progress());
    }

    private static void assertRestores(ProgressTracker tracker, long lastIndex) {
        ConfState cs = tracker.confState();
        Changer.Result restored = Restore.restore(new ProgressTracker(10, 0), lastIndex, cs);
        assertEquals(tracker.config(), restored.config(), "restored from " + cs);
        assertEquals(tracker.progress().keySet(), restored.progress().keySet(), "members of " + cs);
        assertEquals(cs, restored.config().toConfState());
    }
}
