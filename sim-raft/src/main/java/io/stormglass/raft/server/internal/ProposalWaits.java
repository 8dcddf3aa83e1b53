package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Requests proposed on this member and waiting for their entry to be applied here, as etcd's
 * {@code wait.Wait}: each has a deadline (etcd's {@code ReqTimeout}) after which it fails with
 * {@code etcdserver: request timed out}.
 */
final class ProposalWaits {
    private static final EventKind DEADLINE = EventKind.named("member.proposal-deadline");

    /** A waiting request: who gets the reply, and when it started. */
    record Waiter(long requestId, int replyTo, long startNanos, long deadlineHandle) {
    }

    private final Scheduler scheduler;
    private final Map<Long, Waiter> waiting = new TreeMap<>();

    ProposalWaits(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Registers a request; {@code onTimeout} runs if it is still waiting after {@code timeoutNanos}. */
    void register(long requestId, int replyTo, long timeoutNanos, BiConsumer<Waiter, Long> onTimeout) {
        long start = scheduler.nowNanos();
        long handle = scheduler.schedule(timeoutNanos, DEADLINE, requestId, () -> {
            Waiter w = waiting.remove(requestId);
            if (w != null) {
                onTimeout.accept(w, scheduler.nowNanos() - w.startNanos());
            }
        });
        waiting.put(requestId, new Waiter(requestId, replyTo, start, handle));
    }

    /** Removes and returns the waiter for {@code requestId}, or null if none waits here. */
    Waiter take(long requestId) {
        Waiter w = waiting.remove(requestId);
        if (w != null) {
            scheduler.cancel(w.deadlineHandle());
        }
        return w;
    }

    /** Forgets every waiter (the member crashed: nobody will answer them). */
    void abandonAll() {
        for (Waiter w : waiting.values()) {
            scheduler.cancel(w.deadlineHandle());
        }
        waiting.clear();
    }

    int size() {
        return waiting.size();
    }
}
