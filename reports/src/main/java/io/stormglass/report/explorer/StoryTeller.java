package io.stormglass.report.explorer;

import io.stormglass.engine.timeline.TimelineEvent;
import io.stormglass.report.explorer.ExplorerTrace.Beat;
import io.stormglass.report.explorer.ExplorerTrace.Fsync;
import io.stormglass.report.explorer.ExplorerTrace.Vote;
import io.stormglass.report.internal.analysis.MarkedSpan;
import io.stormglass.report.internal.analysis.RoleSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Tells the story of each change of leader from the run's timeline and its {@link ExplorerTrace}:
 * the previous leader's last heartbeat; the fdatasync its raft loop was blocked in after it (the
 * longest one in flight between that heartbeat and the first election timer), with the device, the
 * queue ahead of it and whose requests those were, and the neighbour bursts on that device; the
 * member whose election timer fired first; the votes; and the new leader's first heartbeat.
 */
final class StoryTeller {
    /** Votes named in words at most; the rest are counted. */
    private static final int VOTES_NAMED = 8;

    private final ExplorerTrace trace;
    private final List<TimelineEvent.ElectionStarted> elections = new ArrayList<>();
    private final List<MarkedSpan> bursts = new ArrayList<>();

    StoryTeller(ExplorerTrace trace, List<? extends TimelineEvent> events, long endNanos) {
        this.trace = trace;
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.ElectionStarted s) {
                elections.add(s);
            }
        }
        for (MarkedSpan s : MarkedSpan.of(events, endNanos)) {
            if (!s.fault()) {
                bursts.add(s);
            }
        }
    }

    /** One story per leadership after the first, in time order. */
    List<LeaderChangeStory> tell(List<RoleSpan> leaderships) {
        List<LeaderChangeStory> out = new ArrayList<>();
        for (int i = 1; i < leaderships.size(); i++) {
            out.add(story(leaderships.get(i), leaderships.get(i - 1)));
        }
        return out;
    }

    LeaderChangeStory story(RoleSpan now, RoleSpan before) {
        int old = before.member();
        long t = now.startNanos();
        long lastHb = lastBeat(trace.heartbeats(), old, before.startNanos(), t);
        long from = lastHb >= 0 ? lastHb : before.startNanos();
        TimelineEvent.ElectionStarted timer = firstTimer(from, t);
        long until = timer != null ? timer.timeNanos() : t;
        Fsync blocking = blocking(old, from, until);
        List<String> neighbours = blocking == null ? List.of() : neighbours(blocking);
        List<Vote> votes = trace.votes().stream()
                .filter(v -> v.timeNanos() >= (timer != null ? timer.timeNanos() : from) && v.timeNanos() <= t).toList();
        long firstHb = firstBeat(trace.heartbeats(), now.member(), t);
        List<String> lines = new ArrayList<>();
        lines.add(old == 0 ? "No member led before." : leaderLine(before, lastHb));
        if (old != 0) {
            lines.add(blocking == null ? "No fdatasync of " + member(old) + " was recorded in flight after that heartbeat."
                    : fsyncLine(blocking, neighbours));
        }
        lines.add(timer == null ? "No election timer was recorded firing before the change."
                : member(timer.node()) + "'s election timer fired first, at " + SimTime.at(timer.timeNanos())
                        + (lastHb >= 0 ? ", " + SimTime.duration(timer.timeNanos() - lastHb) + " after that heartbeat" : "")
                        + "; it started " + (timer.preVote() ? "a pre-vote" : "an election") + " for term "
                        + (timer.preVote() ? timer.term() + 1 : timer.term()) + ".");
        if (!votes.isEmpty()) {
            lines.add(votesLine(votes));
        }
        lines.add(member(now.member()) + " took office for term " + now.term() + " at " + SimTime.at(t)
                + (firstHb >= 0 ? "; its first heartbeat left at " + SimTime.at(firstHb) + "." : "."));
        return new LeaderChangeStory(t, now.term(), old, now.member(), lastHb, blocking, neighbours,
                timer == null ? 0 : timer.node(), timer == null ? -1 : timer.timeNanos(), timer != null && timer.preVote(), votes,
                firstHb, lines);
    }

    private static String leaderLine(RoleSpan before, long lastHb) {
        String led = member(before.member()) + " led term " + before.term() + " from " + SimTime.at(before.startNanos()) + ".";
        return lastHb < 0 ? led + " No heartbeat of it was recorded near the change."
                : led + " Its last heartbeat before the change left at " + SimTime.at(lastHb) + ".";
    }

    private static String fsyncLine(Fsync f, List<String> neighbours) {
        StringBuilder b = new StringBuilder("Its raft loop was blocked in a WAL fdatasync")
                .append(f.device().isEmpty() ? "" : " on " + f.device())
                .append(" from ").append(SimTime.at(f.startNanos())).append(" to ").append(SimTime.at(f.endNanos()))
                .append(" (").append(SimTime.duration(f.durationNanos())).append(")");
        int ahead = f.queueAhead().values().stream().mapToInt(Integer::intValue).sum();
        if (ahead > 0) {
            List<Map.Entry<String, Integer>> issuers = new ArrayList<>(f.queueAhead().entrySet());
            issuers.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
            b.append(": ").append(ahead).append(ahead == 1 ? " request was" : " requests were").append(" queued ahead of it, ");
            List<String> parts = new ArrayList<>();
            for (var e : issuers) {
                parts.add(e.getValue() + " put there by " + e.getKey());
            }
            b.append(String.join(", ", parts));
        } else {
            b.append(": no other request was queued ahead of it when it was submitted");
        }
        b.append('.');
        if (!neighbours.isEmpty()) {
            b.append(" Neighbour burst").append(neighbours.size() == 1 ? "" : "s").append(" on the device then: ")
                    .append(String.join("; ", neighbours)).append('.');
        }
        return b.toString();
    }

    private static String votesLine(List<Vote> votes) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(VOTES_NAMED, votes.size()); i++) {
            Vote v = votes.get(i);
            parts.add(member(v.voter()) + (v.granted() ? " granted " : " rejected ") + member(v.candidate()) + "'s "
                    + (v.preVote() ? "pre-vote" : "vote") + " (term " + v.term() + ") at " + SimTime.at(v.timeNanos()));
        }
        String more = votes.size() > VOTES_NAMED ? " and " + (votes.size() - VOTES_NAMED) + " more" : "";
        return "Votes: " + String.join("; ", parts) + more + ".";
    }

    private TimelineEvent.ElectionStarted firstTimer(long from, long to) {
        for (TimelineEvent.ElectionStarted e : elections) {
            if (e.timeNanos() > from && e.timeNanos() <= to) {
                return e;
            }
        }
        return null;
    }

    private Fsync blocking(int member, long from, long until) {
        return trace.fsyncs().stream()
                .filter(f -> f.member() == member && f.startNanos() <= until && f.endNanos() >= from)
                .max(Comparator.comparingLong(Fsync::durationNanos).thenComparingLong(f -> -f.startNanos()))
                .orElse(null);
    }

    /** Bursts that overlap the fdatasync and name its device, or are run by an issuer queued ahead of it. */
    private List<String> neighbours(Fsync f) {
        List<String> out = new ArrayList<>();
        for (MarkedSpan s : bursts) {
            if (s.overlaps(f.startNanos(), f.endNanos()) && names(s.label(), f)) {
                out.add(s.label());
            }
        }
        return out;
    }

    private static boolean names(String label, Fsync f) {
        if (!f.device().isEmpty() && label.contains(f.device())) {
            return true;
        }
        String source = label.contains(":") ? label.substring(0, label.indexOf(':')) : label;
        return f.queueAhead().containsKey(source);
    }

    private static long lastBeat(List<Beat> beats, int member, long from, long before) {
        long last = -1;
        for (Beat b : beats) {
            if (b.member() == member && b.timeNanos() >= from && b.timeNanos() < before) {
                last = b.timeNanos();
            }
        }
        return last;
    }

    private static long firstBeat(List<Beat> beats, int member, long from) {
        for (Beat b : beats) {
            if (b.member() == member && b.timeNanos() >= from) {
                return b.timeNanos();
            }
        }
        return -1;
    }

    static String member(int id) {
        return "n" + id;
    }
}
