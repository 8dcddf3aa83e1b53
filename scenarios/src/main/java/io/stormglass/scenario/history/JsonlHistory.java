package io.stormglass.scenario.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.disk.InputFormatException;
import io.stormglass.disk.fit.JsonText;
import io.stormglass.raft.client.Operation;
import io.stormglass.scenario.units.Quote;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
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
 * time order per process; blank lines and lines starting with {@code #} are ignored. Times are
 * whole nanoseconds from 0, processes whole numbers from 0 to 2^31−1; a completion names the
 * same {@code f} as its invocation and is not earlier; each mistake is reported at its line.
 */
public final class JsonlHistory {
    private JsonlHistory() {
    }

    /** Parses {@code lines} (line 1 first) of {@code file}; see {@link HistoryFiles#read} for a file. */
    public static List<Operation> parse(String file, List<String> lines) {
        HistoryBuilder b = new HistoryBuilder(file);
        for (int i = 0; i < lines.size(); i++) {
            line(b, file, i + 1, lines.get(i));
        }
        return b.build();
    }

    /** Reads line {@code n} of {@code file} into {@code b}. */
    static void line(HistoryBuilder b, String file, int n, String text) {
        String line = text.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        JsonNode o;
        try {
            o = JsonText.read(line);
        } catch (InputFormatException e) {
            throw new ScenarioException(new ScenarioProblem(new Location(file, n, e.column() + text.indexOf(line)), "",
                    e.getMessage()));
        }
        if (!o.isObject()) {
            throw b.problem(n, "", "expected a JSON object per line, got " + (o.isArray() ? "a list" : Quote.of(o.asText())));
        }
        long time = whole(b, o, "time_ns", n, HistoryBuilder.MAX_TIME_NANOS);
        int process = (int) whole(b, o, "process", n, Integer.MAX_VALUE);
        String type = word(b, o, "type", n);
        Operation.Kind kind = kind(b, word(b, o, "f", n), n);
        switch (type) {
            case "invoke" -> b.invoke(process, time, kind, scalar(b, o, "key", n, true), scalar(b, o, "value", n, false),
                    scalar(b, o, "expected", n, false), n);
            case "ok" -> b.complete(process, time, kind, Operation.Outcome.OK, scalar(b, o, "value", n, false), succeeded(b, o, n), n);
            case "fail" -> b.complete(process, time, kind, Operation.Outcome.FAILED, null, false, n);
            case "info" -> b.complete(process, time, kind, Operation.Outcome.UNKNOWN, null, false, n);
            default -> throw b.problem(n, "type", "expected invoke, ok, fail or info, got " + Quote.of(type));
        }
    }

    static Operation.Kind kind(HistoryBuilder b, String f, int n) {
        return switch (f.toLowerCase(Locale.ROOT)) {
            case "read" -> Operation.Kind.READ;
            case "write" -> Operation.Kind.WRITE;
            case "cas" -> Operation.Kind.CAS;
            case "delete" -> Operation.Kind.DELETE;
            default -> throw b.problem(n, "f", "expected read, write, cas or delete, got " + Quote.of(f));
        };
    }

    /** A whole number from 0 to {@code max} (a JSON integer: {@code 1.5} and {@code "15"} are refused). */
    private static long whole(HistoryBuilder b, JsonNode o, String field, int n, long max) {
        JsonNode v = o.get(field);
        String expected = "expected a whole number from 0 to " + max;
        if (v == null || v.isNull()) {
            throw b.problem(n, field, "required; " + expected);
        }
        if (!v.isIntegralNumber()) {
            throw b.problem(n, field, expected + ", got " + (v.isTextual() ? "the text " : "") + Quote.of(v.asText()));
        }
        if (!v.canConvertToLong() || v.asLong() < 0 || v.asLong() > max) {
            throw b.problem(n, field, expected + ", got " + Quote.of(v.asText()));
        }
        return v.asLong();
    }

    private static String word(HistoryBuilder b, JsonNode o, String field, int n) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw b.problem(n, field, v == null || v.isNull() ? "required"
                    : "expected a word in quotes, got " + (v.isContainerNode() ? "a list or object" : Quote.of(v.asText())));
        }
        return v.asText();
    }

    /** A key or value: a string or number as written; null (or absent) unless {@code required}. */
    private static String scalar(HistoryBuilder b, JsonNode o, String field, int n, boolean required) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw b.problem(n, field, "required");
            }
            return null;
        }
        if (v.isContainerNode()) {
            throw b.problem(n, field, "expected a string or number, got " + (v.isArray() ? "a list" : "an object"));
        }
        return v.asText();
    }

    /** A CAS completion's {@code succeeded}: true or false, false when absent. */
    private static boolean succeeded(HistoryBuilder b, JsonNode o, int n) {
        JsonNode v = o.get("succeeded");
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw b.problem(n, "succeeded", "expected true or false, got " + (v.isTextual() ? "the text " : "") + Quote.of(v.asText()));
        }
        return v.asBoolean();
    }
}
