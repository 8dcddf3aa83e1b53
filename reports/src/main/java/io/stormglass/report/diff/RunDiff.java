package io.stormglass.report.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.report.export.Leaderships;
import io.stormglass.report.export.Leaderships.Leadership;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compares two run folders: their headline figures side by side ({@code summary.json}), their
 * leader changes matched or not ({@code events.jsonl}: the same new leader within
 * {@value #MATCH_SECONDS} s), and the first event where the two timelines diverge. Reads only.
 */
public final class RunDiff {
    /** Two leader changes to the same member this close in simulated time are the same change. */
    static final double MATCH_SECONDS = 10;
    /** The summary's headline figures, in the order shown ({@code a.b}: field b of object a). */
    static final List<String> HEADLINES = List.of("scenario", "seed", "fingerprint", "simulated_seconds", "events",
            "leader_changes", "elections", "pre_vote_campaigns", "slow_fdatasync_warnings", "heartbeat_send_failures",
            "unavailable_s", "initial_election_s", "client.requests", "client.succeeded", "client.latency_ms.p99",
            "client.latency_ms.max", "wal_fsync_ms.p99", "wal_fsync_ms.max");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One headline figure of both runs, as text ({@code —} where a run has none). */
    public record Figure(String name, String a, String b) {
        public boolean differs() {
            return !a.equals(b);
        }
    }

    /** The first line (1-based) where the two timelines differ; {@code a} or {@code b} is null past a file's end. */
    public record Divergence(long line, String a, String b) {
    }

    /**
     * The comparison.
     *
     * @param divergence null when the timelines are identical
     */
    public record Result(List<Figure> figures, List<Leadership[]> matched, List<Leadership> onlyA, List<Leadership> onlyB,
            long eventsA, long eventsB, Divergence divergence) {
    }

    private RunDiff() {
    }

    /** Compares the run folders {@code a} and {@code b}; a missing file is a {@link NoSuchFileException}. */
    public static Result compare(Path a, Path b) throws IOException {
        JsonNode sa = JSON.readTree(a.resolve("summary.json").toFile());
        JsonNode sb = JSON.readTree(b.resolve("summary.json").toFile());
        List<Figure> figures = new ArrayList<>();
        for (String h : HEADLINES) {
            figures.add(new Figure(h, text(sa, h), text(sb, h)));
        }
        List<Leadership> la = Leaderships.read(a.resolve("events.jsonl"));
        List<Leadership> lb = Leaderships.read(b.resolve("events.jsonl"));
        List<Leadership[]> matched = new ArrayList<>();
        List<Leadership> onlyA = new ArrayList<>();
        List<Leadership> onlyB = new ArrayList<>(lb);
        for (Leadership x : la) {
            Leadership match = null;
            for (Leadership y : onlyB) {
                if (y.member().equals(x.member()) && Math.abs(y.timeSeconds() - x.timeSeconds()) <= MATCH_SECONDS) {
                    match = y;
                    break;
                }
            }
            if (match == null) {
                onlyA.add(x);
            } else {
                onlyB.remove(match);
                matched.add(new Leadership[] {x, match});
            }
        }
        long[] counts = new long[2];
        Divergence d = divergence(a.resolve("events.jsonl"), b.resolve("events.jsonl"), counts);
        return new Result(figures, matched, onlyA, onlyB, counts[0], counts[1], d);
    }

    private static String text(JsonNode summary, String path) {
        JsonNode n = summary;
        for (String part : path.split("\\.")) {
            n = n == null ? null : n.get(part);
        }
        if (n == null || n.isNull()) {
            return "—";
        }
        if (n.isFloatingPointNumber()) {
            return String.format(Locale.ROOT, "%.6g", n.asDouble());
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static Divergence divergence(Path a, Path b, long[] counts) throws IOException {
        Divergence first = null;
        try (BufferedReader ra = Files.newBufferedReader(a, StandardCharsets.UTF_8);
             BufferedReader rb = Files.newBufferedReader(b, StandardCharsets.UTF_8)) {
            long line = 0;
            while (true) {
                String x = ra.readLine();
                String y = rb.readLine();
                if (x == null && y == null) {
                    return first;
                }
                line++;
                counts[0] += x == null ? 0 : 1;
                counts[1] += y == null ? 0 : 1;
                if (first == null && (x == null || !x.equals(y))) {
                    first = new Divergence(line, x, y);
                }
            }
        }
    }
}
