package io.stormglass.run.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.server.RequestStage;
import io.stormglass.report.explorer.ExplorerTrace.RequestSpan;
import io.stormglass.report.explorer.ExplorerTrace.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSpansTest {
    private static final int LEADER = 1;

    @Test
    void aWriteOnTheLeaderPassesEveryStageInOrder() {
        RequestSpans spans = new RequestSpans(3);
        spans.stage(LEADER, 7, RequestStage.RECEIVED_WRITE, 100);
        spans.stage(LEADER, 7, RequestStage.PROPOSED, 110);
        spans.persisted(LEADER, null, List.of(entry(5, 7)), 150, 120);
        spans.acknowledged(LEADER, MsgAppResp.accept(2, LEADER, 1, 5), 160);
        spans.persisted(LEADER, new HardState(1, LEADER, 5), List.of(), 170, -1);
        spans.applied(LEADER, entry(5, 7), 180);
        spans.stage(LEADER, 7, RequestStage.ANSWERED, 190);

        RequestSpan span = only(spans);
        assertEquals(List.of(new Stage("received", 100), new Stage("proposed", 110), new Stage("fdatasync started", 120),
                new Stage("WAL written", 150), new Stage("replicated to a quorum", 160), new Stage("committed", 170),
                new Stage("applied", 180), new Stage("answered", 190)), span.stages());
        assertEquals(0, spans.waitingWrites(), "nothing waits once the write is replicated and committed");
    }

    @Test
    void aQuorumNeedsHalfTheClusterOfFollowersAtOrPastTheIndex() {
        RequestSpans spans = new RequestSpans(5);
        spans.stage(LEADER, 7, RequestStage.RECEIVED_WRITE, 100);
        spans.persisted(LEADER, null, List.of(entry(9, 7)), 110, -1);
        spans.acknowledged(LEADER, MsgAppResp.accept(2, LEADER, 1, 9), 120);
        spans.acknowledged(LEADER, MsgAppResp.accept(3, LEADER, 1, 8), 130);
        spans.acknowledged(LEADER, new MsgAppResp(4, LEADER, 1, 9, true, 0, 0), 140);
        spans.acknowledged(LEADER, MsgAppResp.accept(3, LEADER, 1, 12), 150);
        spans.stage(LEADER, 7, RequestStage.ANSWERED, 160);

        assertEquals(new Stage("replicated to a quorum", 150), stage(only(spans), "replicated to a quorum"),
                "two of four followers at index 9 or later, a rejection not counted, the lagging one counted once it caught up");
    }

    @Test
    void acknowledgementsThatArrivedBeforeTheWriteCountAtOnce() {
        RequestSpans spans = new RequestSpans(3);
        spans.acknowledged(LEADER, MsgAppResp.accept(2, LEADER, 1, 20), 100);
        spans.stage(LEADER, 7, RequestStage.RECEIVED_WRITE, 110);
        spans.persisted(LEADER, new HardState(1, LEADER, 20), List.of(entry(20, 7)), 120, -1);
        spans.stage(LEADER, 7, RequestStage.ANSWERED, 130);

        List<Stage> stages = only(spans).stages();
        assertEquals(List.of("received", "WAL written", "replicated to a quorum", "committed", "answered"),
                stages.stream().map(Stage::name).toList());
        assertEquals(120, stage(only(spans), "committed").timeNanos());
    }

    @Test
    void anotherMembersCommitOrAcknowledgementsDoNotCount() {
        RequestSpans spans = new RequestSpans(3);
        spans.stage(LEADER, 7, RequestStage.RECEIVED_WRITE, 100);
        spans.persisted(LEADER, null, List.of(entry(5, 7)), 110, -1);
        spans.persisted(2, new HardState(1, 2, 9), List.of(entry(5, 7)), 120, -1);
        spans.acknowledged(2, MsgAppResp.accept(3, 2, 1, 9), 130);
        spans.stage(LEADER, 7, RequestStage.ANSWERED, 140);

        assertEquals(List.of("received", "WAL written", "answered"), only(spans).stages().stream().map(Stage::name).toList());
    }

    @Test
    void answeredAndForgottenWritesStopWaiting() {
        RequestSpans spans = new RequestSpans(3);
        for (long id = 1; id <= RequestSpans.MAX_OPEN + 10; id++) {
            spans.stage(LEADER, id, RequestStage.RECEIVED_WRITE, id);
            spans.persisted(LEADER, null, List.of(entry(id, id)), id, -1);
        }
        assertEquals(RequestSpans.MAX_OPEN, spans.openRequests());
        assertEquals(2 * RequestSpans.MAX_OPEN, spans.waitingWrites(), "the ten oldest were forgotten, also by the waiting sets");
        for (long id = 11; id <= 20; id++) {
            spans.stage(LEADER, id, RequestStage.ANSWERED, 1_000_000 + id);
        }
        assertEquals(2 * (RequestSpans.MAX_OPEN - 10), spans.waitingWrites());
        spans.acknowledged(LEADER, MsgAppResp.accept(2, LEADER, 1, RequestSpans.MAX_OPEN + 10), 2_000_000);
        spans.persisted(LEADER, new HardState(1, LEADER, RequestSpans.MAX_OPEN + 10), List.of(), 2_000_000, -1);
        assertEquals(0, spans.waitingWrites());
    }

    @Test
    void theSlowestAreKeptAndTheFastOnesOnlySampled() {
        RequestSpans spans = new RequestSpans(3);
        int requests = 2 * RequestSpans.SAMPLE_EVERY;
        for (long id = 1; id <= requests; id++) {
            spans.stage(LEADER, id, RequestStage.RECEIVED_READ, 0);
            spans.stage(LEADER, id, RequestStage.ANSWERED, id); // request id i takes i ns
        }
        List<RequestSpan> kept = spans.kept();
        assertEquals(RequestSpans.SLOWEST + 1, kept.size(), "the 100 slowest and the 500th (the 1000th, also sampled, is among the slowest)");
        assertTrue(kept.stream().anyMatch(r -> r.requestId() == RequestSpans.SAMPLE_EVERY), "the 500th is sampled");
        assertEquals(requests - RequestSpans.SLOWEST + 1, kept.stream()
                .filter(r -> r.requestId() != RequestSpans.SAMPLE_EVERY).mapToLong(RequestSpan::requestId).min().orElseThrow(),
                "the fastest of the slowest");
    }

    private static Entry entry(long index, long requestId) {
        return Entry.normal(1, index, KvCodec.encode(new KvCodec.Proposal(requestId, new KvCommand.Compact(1))));
    }

    private static RequestSpan only(RequestSpans spans) {
        List<RequestSpan> kept = spans.kept();
        assertEquals(1, kept.size());
        return kept.get(0);
    }

    private static Stage stage(RequestSpan span, String name) {
        return span.stages().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
