package io.stormglass.experiment.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

class JitWarmupGateTest {
    private static final long SECOND = 1_000_000_000L;

    /** Fake time: each pause advances it; the compilers' time is a function of it. */
    private static final class FakeJvm implements JitWarmupGate.Probe {
        private final LongUnaryOperator compileMillisAt;
        long nowNanos;

        FakeJvm(LongUnaryOperator compileMillisAt) {
            this.compileMillisAt = compileMillisAt;
        }

        @Override
        public long compileMillis() {
            return compileMillisAt.applyAsLong(nowNanos);
        }

        @Override
        public long nanoTime() {
            return nowNanos;
        }

        @Override
        public void pause(long nanos) {
            nowNanos += nanos;
        }
    }

    private static JitWarmupGate gate(FakeJvm jvm) {
        return new JitWarmupGate(jvm, SECOND, 0.2, 30 * SECOND);
    }

    @Test
    void opensOneWindowAfterTheCompilersQuieten() throws InterruptedException {
        // one compiler thread busy for 5 s, then 10 % of one; the first window under 200 ms of
        // compiling is 4.9-5.9 s (100 ms busy + 90 ms); 4.8-5.8 s has 200 + 80 ms
        FakeJvm jvm = new FakeJvm(t -> t <= 5 * SECOND ? t / 1_000_000L : 5_000 + (t - 5 * SECOND) / 10_000_000L);
        JitWarmupGate gate = gate(jvm);
        gate.await(() -> true);
        assertTrue(gate.isOpen());
        assertEquals(5_900_000_000L, jvm.nowNanos);
    }

    @Test
    void staysClosedAtTheThresholdAndOpensAfterTheLongestWait() throws InterruptedException {
        // exactly a fifth of a thread, forever: never settled
        FakeJvm jvm = new FakeJvm(t -> t / 5_000_000L);
        JitWarmupGate gate = gate(jvm);
        gate.await(() -> jvm.nowNanos < 29_900_000_000L || gate.isOpen());
        assertFalse(gate.isOpen());
        gate.await(() -> true);
        assertTrue(gate.isOpen());
        assertEquals(29_900_000_000L + 30 * SECOND, jvm.nowNanos); // each wait has its own limit
        gate.await(() -> true);
        assertEquals(29_900_000_000L + 30 * SECOND, jvm.nowNanos); // and then nobody waits
    }

    @Test
    void aWorkerWithNothingLeftStopsWaitingAndTheGateStaysShut() throws InterruptedException {
        FakeJvm jvm = new FakeJvm(t -> t / 1_000_000L);
        JitWarmupGate gate = gate(jvm);
        gate.await(() -> jvm.nowNanos < 2 * SECOND);
        assertFalse(gate.isOpen());
        assertEquals(2 * SECOND, jvm.nowNanos);
    }

    @Test
    void onceOpenLaterWorkersDoNotWait() throws InterruptedException {
        FakeJvm jvm = new FakeJvm(t -> 0L);
        JitWarmupGate gate = gate(jvm);
        gate.await(() -> true);
        assertEquals(SECOND, jvm.nowNanos); // one whole window is needed to judge
        gate.await(() -> true);
        assertEquals(SECOND, jvm.nowNanos);
        assertTrue(JitWarmupGate.opened().isOpen());
    }

    @Test
    void everyPoolOfTheJvmSharesOneGate() {
        assertSame(JitWarmupGate.forThisJvm(), JitWarmupGate.forThisJvm());
    }
}
