package io.stormglass.report.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stormglass.report.RunRecord;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's explorer into its folder: {@value #EXPLORER_JSON} (the data), {@value #EXPLORER_HTML}
 * (the page with that data and its scripts inlined: it opens offline from the file system and
 * fetches nothing) and {@value #TRACE_JSON} (the members' threads for ui.perfetto.dev). Sizes are
 * bounded whatever the run's length: the metric levels by the recorder's window bound, the fine
 * items by {@link ExplorerTrace}'s bounds.
 */
public final class ExplorerWriter {
    public static final String EXPLORER_HTML = "explorer.html";
    public static final String EXPLORER_JSON = "explorer.json";
    public static final String TRACE_JSON = "trace.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplorerWriter() {
    }

    /** Writes the three files into {@code dir} (an existing folder, such as a run's staging folder). */
    public static void writeInto(RunRecord run, ExplorerTrace trace, Path dir) throws IOException {
        JsonNode data = ExplorerData.of(run, trace);
        String json = MAPPER.writeValueAsString(data);
        Files.writeString(dir.resolve(EXPLORER_JSON), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(EXPLORER_HTML), ExplorerPage.render(json), StandardCharsets.UTF_8);
        try (Writer out = Files.newBufferedWriter(dir.resolve(TRACE_JSON), StandardCharsets.UTF_8)) {
            MAPPER.writeValue(out, TraceEvents.of(run, trace));
        }
    }

    /**
     * Renders {@value #EXPLORER_HTML} again from the {@value #EXPLORER_JSON} in {@code runDir}, written
     * to {@code page} (for {@code stormglass explore}).
     *
     * @throws java.nio.file.NoSuchFileException if the folder has no explorer data
     */
    public static void renderFromFolder(Path runDir, Path page) throws IOException {
        String json = Files.readString(runDir.resolve(EXPLORER_JSON), StandardCharsets.UTF_8);
        MAPPER.readTree(json); // refuses a damaged file before anything is written
        Files.writeString(page, ExplorerPage.render(json), StandardCharsets.UTF_8);
    }
}
