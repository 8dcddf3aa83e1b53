package io.stormglass.report.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.engine.timeline.NodeRole;
import io.stormglass.engine.timeline.TimelineEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * {@code events.jsonl}: the run's timeline, one JSON object per line in order of appending.
 * Every object starts with {@code time_s} (exact decimal seconds of virtual time, no exponent) and
 * {@code type} ({@link TimelineEvent#type()}); the other keys are snake_case:
 * <ul>
 *   <li>{@code role_changed}: {@code member, role} (lower case, such as {@code pre_candidate}), {@code term}</li>
 *   <li>{@code leader_changed}: {@code member, term, from_leader, to_leader} (members or null for none)</li>
 *   <li>{@code election_started}: {@code member, term, pre_vote}</li>
 *   <li>{@code node_crashed}: {@code member, reason}; {@code node_restarted}: {@code member}</li>
 *   <li>{@code warning}: {@code member, message} (etcd's text), {@code fields} (object, sorted keys)</li>
 *   <li>{@code fault}: {@code target, description, active}; {@code activity}: {@code source, label, begins}</li>
 * </ul>
 * Members are written as {@code n<id>}; member 0 (none) as null.
 */
public final class EventsJsonl {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventsJsonl() {
    }

    /** Writes {@code events}, one line each. */
    public static void write(List<? extends TimelineEvent> events, Writer out) throws IOException {
        for (TimelineEvent e : events) {
            out.write(JSON.writeValueAsString(toJson(e)));
            out.write('\n');
        }
        out.flush();
    }

    /** The JSON object of one event. */
    public static ObjectNode toJson(TimelineEvent event) {
        ObjectNode o = JSON.createObjectNode();
        o.put("time_s", Numbers.secondsDecimal(event.timeNanos()));
        o.put("type", event.type());
        // Java 17 has no pattern switch; the chain covers every permitted subtype of the sealed family.
        if (event instanceof TimelineEvent.RoleChanged r) {
            o.put("member", member(r.node()));
            o.put("role", r.role().name().toLowerCase(Locale.ROOT));
            o.put("term", r.term());
        } else if (event instanceof TimelineEvent.LeaderChanged l) {
            o.put("member", member(l.node()));
            o.put("term", l.term());
            o.put("from_leader", member(l.fromLeader()));
            o.put("to_leader", member(l.toLeader()));
        } else if (event instanceof TimelineEvent.ElectionStarted s) {
            o.put("member", member(s.node()));
            o.put("term", s.term());
            o.put("pre_vote", s.preVote());
        } else if (event instanceof TimelineEvent.NodeCrashed c) {
            o.put("member", member(c.node()));
            o.put("reason", c.reason());
        } else if (event instanceof TimelineEvent.NodeRestarted r) {
            o.put("member", member(r.node()));
        } else if (event instanceof TimelineEvent.WarningLogged w) {
            o.put("member", member(w.node()));
            o.put("message", w.message());
            ObjectNode fields = o.putObject("fields");
            w.fields().forEach(fields::put);
            if (w.durationNanos() != TimelineEvent.WarningLogged.NO_DURATION) {
                o.put("duration_ns", w.durationNanos());
            }
        } else if (event instanceof TimelineEvent.FaultChanged f) {
            o.put("target", f.target());
            o.put("description", f.description());
            o.put("active", f.active());
        } else if (event instanceof TimelineEvent.VotersChanged v) {
            ArrayNode voters = o.putArray("voters");
            v.voters().forEach(id -> voters.add(member(id)));
        } else if (event instanceof TimelineEvent.ActivityMarked a) {
            o.put("source", a.source());
            o.put("label", a.label());
            o.put("begins", a.begins());
            if (a.device() != null) {
                o.put("device", a.device());
            }
        }
        return o;
    }

    /** Reads a file written by {@link #write} back into events equal to the written ones. */
    public static List<TimelineEvent> read(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        List<TimelineEvent> events = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                events.add(fromJson(JSON.readTree(line)));
            } catch (RuntimeException e) {
                throw new IOException("events.jsonl line " + number + ": " + e.getMessage(), e);
            }
        }
        return events;
    }

    /** The event of one JSON object. */
    public static TimelineEvent fromJson(JsonNode o) {
        long t = Numbers.nanos(o.get("time_s").decimalValue());
        String type = o.get("type").asText();
        return switch (type) {
            case "role_changed" -> new TimelineEvent.RoleChanged(t, node(o.get("member")),
                    NodeRole.valueOf(o.get("role").asText().toUpperCase(Locale.ROOT)), o.get("term").asLong());
            case "leader_changed" -> new TimelineEvent.LeaderChanged(t, node(o.get("member")),
                    o.get("term").asLong(), node(o.get("from_leader")), node(o.get("to_leader")));
            case "election_started" -> new TimelineEvent.ElectionStarted(t, node(o.get("member")),
                    o.get("term").asLong(), o.get("pre_vote").asBoolean());
            case "node_crashed" -> new TimelineEvent.NodeCrashed(t, node(o.get("member")), o.get("reason").asText());
            case "node_restarted" -> new TimelineEvent.NodeRestarted(t, node(o.get("member")));
            case "warning" -> {
                TreeMap<String, String> fields = new TreeMap<>();
                o.get("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
                long duration = o.has("duration_ns") ? o.get("duration_ns").asLong() : TimelineEvent.WarningLogged.NO_DURATION;
                yield new TimelineEvent.WarningLogged(t, node(o.get("member")), o.get("message").asText(), fields, duration);
            }
            case "fault" -> new TimelineEvent.FaultChanged(t, o.get("target").asText(),
                    o.get("description").asText(), o.get("active").asBoolean());
            case "activity" -> new TimelineEvent.ActivityMarked(t, o.get("source").asText(),
                    o.get("label").asText(), o.get("begins").asBoolean(), o.has("device") ? o.get("device").asText() : null);
            case "voters_changed" -> {
                List<Integer> voters = new ArrayList<>();
                o.get("voters").forEach(v -> voters.add(node(v)));
                yield new TimelineEvent.VotersChanged(t, voters);
            }
            default -> throw new IllegalArgumentException("unknown event type " + type);
        };
    }

    private static String member(int node) {
        return node == 0 ? null : "n" + node;
    }

    private static int node(JsonNode member) {
        if (member == null || member.isNull()) {
            return 0;
        }
        String text = member.asText();
        if (!text.startsWith("n")) {
            throw new IllegalArgumentException("member is not n<id>: " + text);
        }
        return Integer.parseInt(text.substring(1));
    }
}
