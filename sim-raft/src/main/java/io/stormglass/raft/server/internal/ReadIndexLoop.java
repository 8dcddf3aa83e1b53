package io.stormglass.raft.server.internal;

import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Scheduler;
import io.stormglass.raft.ReadState;
import io.stormglass.raft.probe.RaftProbe;
import io.stormglass.raft.server.EtcdErrors;
import io.stormglass.raft.server.MemberConfig;
import io.stormglass.raft.server.MemberObserver;
import io.stormglass.raft.server.RequestStage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Linearizable reads as etcd's {@code linearizableReadLoop}: pending reads are batched into one
 * ReadIndex round; the round is re-sent every 500 ms ({@code waiting for ReadIndex response took
 * too long, retrying}), fails every read with {@code etcdserver: leader changed} if a new leader
 * is elected meanwhile, and with {@code etcdserver: request timed out} after the request timeout
 * ({@code timed out waiting for read index response (local node might have slow network)}). Once
 * the read index is known, the reads are served when the member has applied up to it.
 */
final class ReadIndexLoop {
    private static final EventKind RETRY = EventKind.named("member.read-index-retry");
    private static final EventKind TIMEOUT = EventKind.named("member.read-index-timeout");

    /** A read waiting for its index; {@code serve} answers it, {@code fail} fails it with an error text. */
    record PendingRead(long requestId, Runnable serve, Consumer<String> fail) {
    }

    private final Scheduler scheduler;
    private final MemberConfig config;
    private final MemberLog log;
    private final MemberMetrics metrics;
    private final Consumer<byte[]> sendReadIndex;
    private final MemberObserver observer;
    private final Map<Long, List<PendingRead>> waitingForApply = new TreeMap<>();
    private List<PendingRead> pending = new ArrayList<>();
    private List<PendingRead> inFlight;
    private long inFlightId;
    private long nextRoundId = 1;
    private long retryHandle = Scheduler.NO_EVENT;
    private long timeoutHandle = Scheduler.NO_EVENT;
    private long appliedIndex;

    ReadIndexLoop(Scheduler scheduler, MemberConfig config, MemberLog log, MemberMetrics metrics, Consumer<byte[]> sendReadIndex,
            MemberObserver observer) {
        this.observer = observer;
        this.scheduler = scheduler;
        this.config = config;
        this.log = log;
        this.metrics = metrics;
        this.sendReadIndex = sendReadIndex;
    }

    void request(PendingRead read) {
        pending.add(read);
        if (inFlight == null) {
            startRound();
        }
    }

    /** Read states from a Ready: the answer to the round in flight, if it is among them. */
    void onReadStates(List<ReadState> states) {
        if (inFlight == null) {
            return;
        }
        for (ReadState rs : states) {
            byte[] context = rs.requestContext().toByteArray();
            if (context.length == 8 && ByteBuffer.wrap(context).getLong() == inFlightId) {
                List<PendingRead> reads = inFlight;
                endRound();
                reads.forEach(r -> observer.requestStage(config.id(), r.requestId(), RequestStage.READ_INDEX_CONFIRMED));
                if (rs.index() <= appliedIndex) {
                    reads.forEach(r -> r.serve().run());
                } else {
                    waitingForApply.computeIfAbsent(rs.index(), i -> new ArrayList<>()).addAll(reads);
                    RaftProbe.READ_WAITS_FOR_APPLY.hit();
                }
                startRoundIfPending();
                return;
            }
        }
    }

    /** The member applied up to {@code index}: serve the reads that waited for it. */
    void onApplied(long index) {
        appliedIndex = index;
        while (!waitingForApply.isEmpty()) {
            long first = waitingForApply.keySet().iterator().next();
            if (first > index) {
                break;
            }
            waitingForApply.remove(first).forEach(r -> r.serve().run());
        }
    }

    /** A new leader was elected: the round in flight fails with {@code leader changed}. */
    void onLeaderChanged() {
        if (inFlight == null) {
            return;
        }
        metrics.readIndexFailed.increment();
        RaftProbe.READ_FAILED_LEADER_CHANGED.hit();
        List<PendingRead> reads = inFlight;
        endRound();
        reads.forEach(r -> r.fail().accept(EtcdErrors.LEADER_CHANGED));
        startRoundIfPending();
    }

    /** The member crashed: nothing will be answered. */
    void abandonAll() {
        scheduler.cancel(retryHandle);
        scheduler.cancel(timeoutHandle);
        inFlight = null;
        pending = new ArrayList<>();
        waitingForApply.clear();
    }

    private void startRound() {
        inFlight = pending;
        pending = new ArrayList<>();
        // unique across members, as etcd's request ids (idutil: member id in the high bits): the leader's
        // read-only queue keys requests by context and drops a duplicate, which would stall a round until the retry
        inFlightId = ((long) config.id() << 48) | nextRoundId++;
        send();
        long roundId = inFlightId;
        timeoutHandle = scheduler.schedule(config.requestTimeoutNanos(), TIMEOUT, roundId, () -> onTimeout(roundId));
    }

    private void send() {
        sendReadIndex.accept(ByteBuffer.allocate(8).putLong(inFlightId).array());
        long roundId = inFlightId;
        retryHandle = scheduler.schedule(MemberConfig.READ_INDEX_RETRY_NANOS, RETRY, roundId, () -> onRetry(roundId));
    }

    private void onRetry(long roundId) {
        if (inFlight == null || roundId != inFlightId) {
            return;
        }
        log.warn("waiting for ReadIndex response took too long, retrying",
                "sent-request-id", Long.toString(roundId),
                "retry-timeout", GoDuration.format(MemberConfig.READ_INDEX_RETRY_NANOS));
        RaftProbe.READ_INDEX_RETRIED.hit();
        send();
    }

    private void onTimeout(long roundId) {
        if (inFlight == null || roundId != inFlightId) {
            return;
        }
        log.warn("timed out waiting for read index response (local node might have slow network)",
                "timeout", GoDuration.format(config.requestTimeoutNanos()));
        metrics.slowReadIndexes.increment();
        List<PendingRead> reads = inFlight;
        endRound();
        reads.forEach(r -> r.fail().accept(EtcdErrors.REQUEST_TIMED_OUT));
        startRoundIfPending();
    }

    private void endRound() {
        scheduler.cancel(retryHandle);
        scheduler.cancel(timeoutHandle);
        inFlight = null;
    }

    private void startRoundIfPending() {
        if (!pending.isEmpty()) {
            startRound();
        }
    }
}
