package io.stormglass.scenario.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.raft.client.Operation;
import java.util.List;
import java.util.Locale;

/**
 * Stormglass's own history format: one JSON object per line, an invocation or a completion.
 *
 * <pre>
 * {"time_ns":1000,"process":3,"type":"invoke","f":"cas","key":"lock","expected":"free","value":"owner-3"}
 * {"time_ns":5200,"process":3,"type":"ok","f":"cas","key":"lock","succeeded":true}
 * {"time_ns":6000,"process":1,"type":"invoke","f":"read","key":"lock"}
 * {"time_ns":9000,"process":1,"type":"ok","f":"read","key":"lock","value":"owner-3"}
 * </pre>
 *
 * {@code type} is {@code invoke}, {@code ok} (completed with the result given), {@code fail}
 * (certainly had no effect) or {@code info} (outcome unknown: timed out). {@code f} is
 * {@code read}, {@code write}, {@code cas} or {@code delete}; {@code value} is the value written,
 * or the value a read returned ({@code null} for none); a CAS names {@code expected} and
 * {@code value} and its {@code ok} completion says whether it {@code succeeded}. Lines are in
 * time order per process; blank lines and lines starting with {@code #} are ignored.
 */
public final class JsonlHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlHistory() {
    }

    public static List<Operation> parse(String file, List<String> lines) {
        HistoryBuilder b = new HistoryBuilder(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            String where = file + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                throw new HistoryFormatException(where + ": not a JSON object: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) {
                throw new HistoryFormatException(where + ": expected a JSON object per line");
            }
            long time = number(n, "time_ns", where);
            int process = (int) number(n, "process", where);
            String type = text(n, "type", where);
            Operation.Kind kind = kind(text(n, "f", where), where);
            switch (type) {
                case "invoke" -> b.invoke(process, time, kind, text(n, "key", where), optional(n, "value"),
                        optional(n, "expected"), where);
                case "ok" -> b.complete(process, time, Operation.Outcome.OK, optional(n, "value"),
                        n.path("succeeded").asBoolean(false), where);
                case "fail" -> b.complete(process, time, Operation.Outcome.FAILED, null, false, where);
                case "info" -> b.complete(process, time, Operation.Outcome.UNKNOWN, null, false, where);
                default -> throw new HistoryFormatException(where + ": type must be invoke, ok, fail or info, got \"" + type + "\"");
            }
        }
        return b.build();
    }

    static Operation.Kind kind(String f, String where) {
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "read" -> Operation.Kind.READ;
            case "write" -> Operation.Kind.WRITE;
            case "cas" -> Operation.Kind.CAS;
            case "delete" -> Operation.Kind.DELETE;
            default -> throw new HistoryFormatException(where + ": f must be read, write, cas or delete, got \"" + f + "\"");
        };
    }

    private static long number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong()) {
            throw new HistoryFormatException(where + ": \"" + field + "\" must be an integer");
        }
        return v.asLong();
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            throw new HistoryFormatException(where + ": \"" + field + "\" is required");
        }
        return v.asText();
    }

    private static String optional(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
