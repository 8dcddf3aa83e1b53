package io.stormglass.experiment.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelRunsTest {
    /** A gate whose compilers never settle: only the wait's end or an empty queue lets a worker go. */
    private static JitWarmupGate neverSettles() {
        long[] now = {0};
        return new JitWarmupGate(new JitWarmupGate.Probe() {
            @Override
            public long compileMillis() {
                return now[0] / 1_000_000L;
            }

            @Override
            public long nanoTime() {
                return now[0];
            }

            @Override
            public void pause(long nanos) throws InterruptedException {
                now[0] += nanos;
                Thread.sleep(1);
            }
        }, 1_000_000_000L, 0.2, Long.MAX_VALUE);
    }

    @Test
    void resultsComeBackInItemOrderWhateverOrderTheRunsFinishIn() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 20).boxed().toList();
        List<Integer> out = ParallelRuns.map(items, 3, i -> {
            Thread.sleep((20 - i) % 4);
            return i * i;
        }, 1, JitWarmupGate.opened());
        assertEquals(IntStream.range(0, 20).map(i -> i * i).boxed().toList(), out);
    }

    /** Whether two items ran at the same time: each waits (10 s at most) until both have started. */
    private static List<Boolean> twoItemsThatWaitForEachOther(int jobs, int startAtOnce, JitWarmupGate gate)
            throws InterruptedException {
        CountDownLatch bothStarted = new CountDownLatch(2);
        return ParallelRuns.map(List.of(0, 1), jobs, i -> {
            bothStarted.countDown();
            return bothStarted.await(10, TimeUnit.SECONDS);
        }, startAtOnce, gate);
    }

    @Test
    void anOpenGateRunsTheJobsAtOnce() throws InterruptedException {
        assertEquals(List.of(true, true), twoItemsThatWaitForEachOther(2, 1, JitWarmupGate.opened()));
    }

    @Test
    void whileTheCompilersAreBusyTheFirstWorkerRunsEverything() throws InterruptedException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> out = ParallelRuns.map(List.of(1, 2, 3, 4, 5), 2, i -> {
            threads.add(Thread.currentThread().getName());
            Thread.sleep(20); // long enough for an ungated second worker to take an item
            return -i;
        }, 1, neverSettles());
        assertEquals(List.of(-1, -2, -3, -4, -5), out);
        assertEquals(Set.of("stormglass-run-1"), threads);
    }

    @Test
    void threadsThatStartAtOnceDoNotWaitForTheCompilers() throws InterruptedException {
        assertEquals(List.of(true, true), twoItemsThatWaitForEachOther(3, 2, neverSettles()));
    }

    @Test
    void theFirstFailureInItemOrderIsRethrownAndNoLaterItemStarts() {
        Set<Integer> started = ConcurrentHashMap.newKeySet();
        IOException thrown = new IOException("disk full");
        IOException e = assertThrows(IOException.class, () -> ParallelRuns.map(List.of(0, 1, 2, 3), 1, i -> {
            started.add(i);
            if (i >= 1) {
                throw i == 1 ? thrown : new IOException("later");
            }
            return i;
        }, 1, JitWarmupGate.opened()));
        assertSame(thrown, e);
        assertEquals(Set.of(0, 1), started);
    }

    @Test
    void errorsAndUncheckedExceptionsPassThroughAsThrown() {
        assertThrows(IllegalStateException.class, () -> ParallelRuns.map(List.of(0), 2, i -> {
            throw new IllegalStateException("bug");
        }, 1, JitWarmupGate.opened()));
        AssertionError err = assertThrows(AssertionError.class, () -> ParallelRuns.map(List.of(0, 1), 2, i -> {
            throw new AssertionError("item " + i);
        }, 1, JitWarmupGate.opened()));
        assertEquals("item 0", err.getMessage()); // item 0 is taken first, so it runs
    }
}
