package io.stormglass.report.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The leaderships of a run, read back from its {@code events.jsonl} ({@code role_changed} events to
 * {@code leader}), in file order. Every one after the first is a change of leader, as
 * {@code summary.json}'s {@code leader_changes} counts them.
 */
public final class Leaderships {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code member} ({@code n<id>}) took office for {@code term} at {@code timeSeconds}. */
    public record Leadership(double timeSeconds, String member, long term) {
    }

    private Leaderships() {
    }

    public static List<Leadership> read(Path eventsJsonl) throws IOException {
        List<Leadership> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(eventsJsonl, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.contains("\"role_changed\"") || !line.contains("\"leader\"")) {
                    continue;
                }
                JsonNode e = JSON.readTree(line);
                if ("leader".equals(e.path("role").asText())) {
                    out.add(new Leadership(e.path("time_s").asDouble(), e.path("member").asText(), e.path("term").asLong()));
                }
            }
        }
        return out;
    }

    /** The instants (seconds) of the changes of leader: every leadership after the first. */
    public static double[] changeTimes(List<Leadership> leaderships) {
        return leaderships.stream().skip(1).mapToDouble(Leadership::timeSeconds).toArray();
    }
}
