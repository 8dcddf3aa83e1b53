package io.stormglass.report.explorer;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fine-grained record a run keeps for its explorer, beyond its metrics and timeline: single
 * fdatasyncs with the device queue they waited behind, backend commits, heartbeats, votes and
 * applies. Kept selectively (every slow fdatasync, and everything near a leader change), so its
 * size is bounded whatever the run's length. Times are virtual nanoseconds; members are ids.
 *
 * @param fsyncs         WAL fdatasyncs, in order of their end
 * @param backendCommits backend (bbolt) commits, in order of their end
 * @param heartbeats     heartbeats a leader sent (one per instant, whatever the number of followers)
 * @param votes          vote and pre-vote answers as the candidate stepped them
 * @param applies        instants a member applied entries (one per instant)
 * @param requests       sampled client requests with their stages: the slowest always, and a regular sample
 * @param dropped        items not kept because a list reached its bound
 */
public record ExplorerTrace(List<Fsync> fsyncs, List<Span> backendCommits, List<Beat> heartbeats, List<Vote> votes,
        List<Beat> applies, List<RequestSpan> requests, long dropped) {

    public ExplorerTrace {
        fsyncs = List.copyOf(fsyncs);
        backendCommits = List.copyOf(backendCommits);
        heartbeats = List.copyOf(heartbeats);
        votes = List.copyOf(votes);
        applies = List.copyOf(applies);
        requests = List.copyOf(requests);
    }

    /** A run that kept nothing (its explorer shows metrics and the timeline only). */
    public static ExplorerTrace empty() {
        return new ExplorerTrace(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
    }

    /**
     * One WAL fdatasync of {@code member}: the raft loop waited in it from start to end.
     *
     * @param device     the device holding the WAL
     * @param queueAhead requests other issuers had outstanding on that device when the sync's first
     *                   request was submitted, by issuer (such as {@code prometheus}); sorted by issuer
     */
    public record Fsync(int member, long startNanos, long endNanos, String device, SortedMap<String, Integer> queueAhead) {
        public Fsync {
            queueAhead = Collections.unmodifiableSortedMap(new TreeMap<>(queueAhead));
        }

        public long durationNanos() {
            return endNanos - startNanos;
        }
    }

    /** Work of {@code member} from start to end (a backend commit). */
    public record Span(int member, long startNanos, long endNanos) {
    }

    /** An instant of {@code member} (a heartbeat sent, entries applied). */
    public record Beat(int member, long timeNanos) {
    }

    /** {@code voter}'s answer to {@code candidate} for {@code term}, stepped by the candidate at {@code timeNanos}. */
    public record Vote(long timeNanos, int candidate, int voter, long term, boolean preVote, boolean granted) {
    }

    /**
     * One client request on the member that received it: the stages it reached, in time order (a put:
     * received, proposed, fdatasync started, WAL written, replicated to a quorum, committed, applied,
     * answered; a linearizable read: received, read index confirmed, applied wait over, answered). A
     * stage the run did not see is absent.
     */
    public record RequestSpan(int member, long requestId, boolean write, List<Stage> stages) {
        public RequestSpan {
            stages = List.copyOf(stages);
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a request span needs at least one stage");
            }
        }

        public long startNanos() {
            return stages.get(0).timeNanos();
        }

        public long endNanos() {
            return stages.get(stages.size() - 1).timeNanos();
        }

        public long durationNanos() {
            return endNanos() - startNanos();
        }
    }

    /** A stage of a {@link RequestSpan}: its name in words and when it was reached. */
    public record Stage(String name, long timeNanos) {
    }
}
