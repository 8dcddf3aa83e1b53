package io.stormglass.check.linearizability;

import static io.stormglass.raft.client.Operation.cas;
import static io.stormglass.raft.client.Operation.delete;
import static io.stormglass.raft.client.Operation.read;
import static io.stormglass.raft.client.Operation.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.client.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearizabilityCheckerTest {
    private static CheckResult check(List<Operation> history) {
        return new LinearizabilityChecker(Budget.steps(50_000_000)).check(history);
    }

    @Test
    void aSequentialHistoryIsLinearizable() {
        var r = check(List.of(
                write(1, 1, "x", "1", 0, 10),
                read(2, 2, "x", "1", 20, 30),
                cas(3, 1, "x", "1", "2", true, 40, 50),
                read(4, 2, "x", "2", 60, 70),
                delete(5, 1, "x", 80, 90),
                read(6, 2, "x", null, 100, 110)));
        assertInstanceOf(CheckResult.Linearizable.class, r);
    }

    @Test
    void aStaleReadIsNotLinearizableAndTheWitnessIsMinimal() {
        var r = check(List.of(
                write(1, 1, "x", "1", 0, 10),
                write(2, 1, "y", "9", 12, 14),
                read(3, 2, "x", "1", 15, 18),
                read(4, 3, "x", null, 20, 30),
                read(5, 2, "y", "9", 40, 50)));
        var bad = assertInstanceOf(CheckResult.NotLinearizable.class, r);
        assertEquals("x", bad.key());
        assertEquals(List.of(1L, 4L), bad.witness().stream().map(Operation::id).toList(),
                "the write and the stale read after it are enough to show the violation");
    }

    @Test
    void overlappingOperationsMayTakeEffectInEitherOrder() {
        assertInstanceOf(CheckResult.Linearizable.class, check(List.of(
                write(1, 1, "x", "1", 0, 100),
                read(2, 2, "x", null, 10, 20),
                read(3, 3, "x", "1", 30, 40),
                read(4, 2, "x", "1", 50, 60))));
        assertInstanceOf(CheckResult.NotLinearizable.class, check(List.of(
                write(1, 1, "x", "1", 0, 100),
                read(2, 2, "x", "1", 10, 20),
                read(3, 3, "x", null, 30, 40))), "once a read saw the write, a later read cannot miss it");
    }

    @Test
    void twoCompareAndSetsCannotBothWinFromTheSameValue() {
        var r = check(List.of(
                write(1, 1, "lock", "free", 0, 5),
                cas(2, 2, "lock", "free", "a", true, 10, 30),
                cas(3, 3, "lock", "free", "b", true, 12, 28)));
        var bad = assertInstanceOf(CheckResult.NotLinearizable.class, r);
        assertEquals(3, bad.witness().size());
        assertInstanceOf(CheckResult.Linearizable.class, check(List.of(
                write(1, 1, "lock", "free", 0, 5),
                cas(2, 2, "lock", "free", "a", true, 10, 30),
                cas(3, 3, "lock", "free", "b", false, 12, 28))));
    }

    @Test
    void aTimedOutWriteMayOrMayNotHaveTakenEffect() {
        Operation lost = write(1, 1, "x", "1", 0, 10).timedOut();
        assertInstanceOf(CheckResult.Linearizable.class, check(List.of(lost, read(2, 2, "x", null, 20, 30))));
        assertInstanceOf(CheckResult.Linearizable.class, check(List.of(lost, read(2, 2, "x", "1", 20, 30))));
        assertInstanceOf(CheckResult.Linearizable.class, check(List.of(lost,
                read(2, 2, "x", null, 20, 30), read(3, 2, "x", "1", 40, 50))), "it may take effect late");
        assertInstanceOf(CheckResult.NotLinearizable.class, check(List.of(lost,
                read(2, 2, "x", null, 20, 30), read(3, 2, "x", "1", 40, 50), read(4, 3, "x", null, 60, 70))),
                "but it takes effect once");
    }

    @Test
    void definitelyFailedOperationsAndUnknownReadsAreIgnored() {
        Operation failedWrite = new Operation(1, 1, Operation.Kind.WRITE, "x", "1", null, false, 0, 10, Operation.Outcome.FAILED);
        Operation unknownRead = read(3, 3, "x", "garbage", 0, 5).timedOut();
        var r = check(List.of(failedWrite, read(2, 2, "x", null, 20, 30), unknownRead));
        var ok = assertInstanceOf(CheckResult.Linearizable.class, r);
        assertEquals(1, ok.operations());
    }

    @Test
    void anUnknownCompareAndSetMayHaveFailed() {
        assertInstanceOf(CheckResult.Linearizable.class, check(List.of(
                write(1, 1, "x", "a", 0, 5),
                cas(2, 2, "x", "zzz", "b", false, 10, 20).timedOut(),
                read(3, 1, "x", "a", 30, 40))));
    }

    @Test
    void anExhaustedBudgetAnswersUnknown() {
        List<Operation> history = generate(2_000, 10, 7, false);
        var r = new LinearizabilityChecker(Budget.steps(1_000)).check(history);
        assertInstanceOf(CheckResult.Unknown.class, r);
    }

    @Test
    void tenThousandOperationsFromTenClientsCheckQuickly() {
        List<Operation> good = generate(10_000, 10, 42, false);
        long start = System.nanoTime();
        var r = check(good);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertInstanceOf(CheckResult.Linearizable.class, r, r.toString());
        System.out.printf(java.util.Locale.ROOT, "10000-op 10-client single-key history: linearizable in %.2f s, %d steps%n",
                seconds, r.steps());
        List<Operation> bad = generate(10_000, 10, 42, true);
        var rb = check(bad);
        var nl = assertInstanceOf(CheckResult.NotLinearizable.class, rb);
        assertTrue(nl.witness().size() <= 4, "witness of " + nl.witness().size() + " operations");
        assertInstanceOf(CheckResult.NotLinearizable.class, check(nl.witness()), "the witness itself fails");
    }

    /**
     * A history of one register produced by a real sequential execution: each operation takes
     * effect at a random instant inside its [invoke, complete] window. With {@code corrupt}, one
     * read late in the history returns a value that was overwritten long before.
     */
    static List<Operation> generate(int count, int clients, long seed, boolean corrupt) {
        SplittableRandom rnd = new SplittableRandom(seed);
        record Pending(int client, long invoke, long complete, long point, int kind, String arg, String expected) {
        }
        List<Pending> pending = new ArrayList<>();
        long[] clientFree = new long[clients];
        for (int i = 0; i < count; i++) {
            int c = rnd.nextInt(clients);
            long invoke = clientFree[c] + 1 + rnd.nextInt(50);
            long complete = invoke + 1 + rnd.nextInt(200);
            clientFree[c] = complete;
            long point = invoke + rnd.nextLong(complete - invoke + 1);
            int kind = rnd.nextInt(4);
            pending.add(new Pending(c, invoke, complete, point, kind, "v" + i, "v" + rnd.nextInt(Math.max(1, i))));
        }
        List<Pending> byPoint = new ArrayList<>(pending);
        byPoint.sort((a, b) -> Long.compare(a.point(), b.point()));
        String state = null;
        List<Operation> ops = new ArrayList<>();
        long id = 0;
        String ancient = null;
        boolean corrupted = false;
        for (Pending p : byPoint) {
            id++;
            switch (p.kind()) {
                case 0 -> {
                    ops.add(write(id, p.client(), "k", p.arg(), p.invoke(), p.complete()));
                    if (ancient == null && id > 10) {
                        ancient = state;
                    }
                    state = p.arg();
                }
                case 1 -> {
                    boolean ok = java.util.Objects.equals(state, p.expected());
                    ops.add(cas(id, p.client(), "k", p.expected(), p.arg(), ok, p.invoke(), p.complete()));
                    if (ok) {
                        state = p.arg();
                    }
                }
                default -> {
                    String seen = state;
                    if (corrupt && !corrupted && id >= count - 50 && ancient != null && !ancient.equals(state)) {
                        seen = ancient;
                        corrupted = true;
                    }
                    ops.add(read(id, p.client(), "k", seen, p.invoke(), p.complete()));
                }
            }
        }
        if (corrupt && !corrupted) {
            throw new IllegalStateException("the generator failed to corrupt a read");
        }
        ops.sort((a, b) -> Long.compare(a.invokeNanos(), b.invokeNanos()));
        return ops;
    }
}
