package io.stormglass.report.explorer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link LeaderChangeStory} as the explorer page reads it: its words and the moments it highlights. */
final class StoryJson {
    private StoryJson() {
    }

    static ObjectNode of(LeaderChangeStory s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("t", SimTime.seconds(s.atNanos()));
        o.put("term", s.term());
        o.put("from", s.previousLeader());
        o.put("to", s.newLeader());
        o.put("title", (s.previousLeader() == 0 ? "nobody" : StoryTeller.member(s.previousLeader())) + " → "
                + StoryTeller.member(s.newLeader()) + " (term " + s.term() + ") at " + SimTime.at(s.atNanos()));
        var lines = o.putArray("story");
        s.lines().forEach(lines::add);
        ObjectNode hl = o.putObject("highlight");
        time(hl, "lastHeartbeat", s.lastHeartbeatNanos());
        if (s.blockingFsync() != null) {
            hl.set("fsync", ExplorerData.fsyncsNode(java.util.List.of(s.blockingFsync())).get(0));
        }
        if (s.firstTimer() != 0) {
            hl.putArray("timer").add(s.firstTimer()).add(SimTime.seconds(s.firstTimerNanos())).add(s.firstTimerPreVote() ? 1 : 0);
        }
        hl.set("votes", ExplorerData.votesNode(s.votes()));
        time(hl, "firstHeartbeat", s.firstHeartbeatNanos());
        var neighbours = hl.putArray("neighbours");
        s.neighbours().forEach(neighbours::add);
        return o;
    }

    private static void time(ObjectNode o, String key, long nanos) {
        if (nanos >= 0) {
            o.put(key, SimTime.seconds(nanos));
        } else {
            o.putNull(key);
        }
    }
}
