package io.stormglass.disk.fit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.disk.InputFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON read strictly (a duplicate key is an error, and so is anything after the document), with
 * every failure an {@link InputFormatException} located at its line and column and worded without
 * the parser's internals; and the way back from a path in the tree (a bad percentile) to where it
 * stands in the text, since a tree does not keep locations.
 */
public final class JsonText {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    /** Decimals kept exact, so that a message quotes {@code 1e400} as written rather than as Infinity. */
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Longest parser message kept (it may quote the input). */
    private static final int MAX_MESSAGE_CHARS = 100;

    private JsonText() {
    }

    /** The document in {@code text}; an empty text is an error. */
    public static JsonNode read(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            if (p.nextToken() == null) {
                throw new InputFormatException(1, 1, "", "the file is empty; expected a JSON document");
            }
            JsonNode root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                throw new InputFormatException(line(at), column(at), "", "more than one JSON document; expected exactly one");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new InputFormatException(1, 1, "", "not readable as JSON");
        }
    }

    /** A parser's complaint as a located, one-line message in plain words. */
    public static InputFormatException translate(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        return new InputFormatException(at == null ? 1 : line(at), at == null ? 1 : column(at), "",
                "not valid JSON: " + clean(e.getOriginalMessage()));
    }

    /**
     * Where the value at {@code path} (object keys as strings, array indexes as integers) stands
     * in {@code text}: {@code {line, column}}, or the key's place when {@code atKey}; {@code {1, 1}}
     * if it cannot be found.
     */
    public static int[] locate(String text, List<Object> path, boolean atKey) {
        try (JsonParser p = FACTORY.createParser(text)) {
            List<Object> current = new ArrayList<>();
            List<Integer> indexes = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    current.set(current.size() - 1, p.currentName());
                    if (atKey && current.equals(path)) {
                        return place(p.currentTokenLocation());
                    }
                    continue;
                }
                advanceIndex(current, indexes);
                if (!atKey && current.equals(path)) {
                    return place(p.currentTokenLocation());
                }
                if (t.isStructStart()) {
                    current.add(t == JsonToken.START_ARRAY ? -1 : "");
                    indexes.add(t == JsonToken.START_ARRAY ? -1 : null);
                } else if (t.isStructEnd()) {
                    current.remove(current.size() - 1);
                    indexes.remove(indexes.size() - 1);
                }
            }
        } catch (IOException e) {
            // the text was parsed once already; if it cannot be walked again, point at its start
        }
        return new int[] {1, 1};
    }

    /** Inside an array, each value (not its end) moves to the next index. */
    private static void advanceIndex(List<Object> current, List<Integer> indexes) {
        int last = indexes.size() - 1;
        if (last >= 0 && indexes.get(last) != null) {
            indexes.set(last, indexes.get(last) + 1);
            current.set(last, indexes.get(last));
        }
    }

    /** {@code jobs[0].sync.lat_ns.percentile["99.000000"]}: a path as messages show it. */
    public static String show(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else if (((String) part).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                b.append(b.length() == 0 ? "" : ".").append(part);
            } else {
                b.append('[').append(InputFormatException.quote((String) part)).append(']');
            }
        }
        return b.toString();
    }

    private static int[] place(JsonLocation at) {
        return new int[] {line(at), column(at)};
    }

    private static int line(JsonLocation at) {
        return Math.max(1, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return Math.max(1, at.getColumnNr());
    }

    /** The parser's message without its source excerpt, location blob or second line, and short. */
    static String clean(String message) {
        String m = message == null ? "" : message;
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        int marker = m.indexOf(" (start marker at");
        m = marker < 0 ? m : m.substring(0, marker);
        m = m.replaceAll("\\[Source: [^\\]]*]", "").replaceAll(", from `[^`]*`\\)?", ")").replaceAll("\\)\\)", ")")
                .replaceAll("\\s+", " ").strip();
        if (m.startsWith("Unexpected end-of-input")) {
            return "the text ends early (a closing } or ] or \" is missing)";
        }
        if (m.startsWith("Unrecognized token '")) {
            int close = m.indexOf("': was expecting");
            String token = close < 0 ? m.substring(20) : m.substring(20, close);
            return "unexpected text " + InputFormatException.quote(token);
        }
        if (m.startsWith("Duplicate field")) {
            int open = m.indexOf('\'');
            int close = m.lastIndexOf('\'');
            return "duplicate key " + (open >= 0 && close > open ? InputFormatException.quote(m.substring(open + 1, close)) : "");
        }
        return m.length() <= MAX_MESSAGE_CHARS ? m : m.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }
}
