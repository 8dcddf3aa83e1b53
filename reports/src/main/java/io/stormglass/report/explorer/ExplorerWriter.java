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
 * Writes a run's explorer into its folder: {@value #EXPLORER_HTML} (the page with its data and scripts
 * inlined: it opens offline from the file system and fetches nothing) and {@value #TRACE_JSON} (the
 * members' threads for ui.perfetto.dev). The data is written once, inside the page ({@link #dataOf}
 * reads it back); folders of earlier versions also hold it as {@value #EXPLORER_JSON}. Sizes are
 * bounded whatever the run's length: the metric levels by the recorder's window bound, the fine
 * items by {@link ExplorerTrace}'s bounds.
 */
public final class ExplorerWriter {
    public static final String EXPLORER_HTML = "explorer.html";
    /** The explorer data as a file of its own, which versions before issue 23's size bound wrote beside the page. */
    public static final String EXPLORER_JSON = "explorer.json";
    public static final String TRACE_JSON = "trace.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplorerWriter() {
    }

    /** Writes the two files into {@code dir} (an existing folder, such as a run's staging folder). */
    public static void writeInto(RunRecord run, ExplorerTrace trace, Path dir) throws IOException {
        JsonNode data = ExplorerData.of(run, trace);
        String json = MAPPER.writeValueAsString(data);
        Files.writeString(dir.resolve(EXPLORER_HTML), ExplorerPage.render(json), StandardCharsets.UTF_8);
        try (Writer out = Files.newBufferedWriter(dir.resolve(TRACE_JSON), StandardCharsets.UTF_8)) {
            MAPPER.writeValue(out, TraceEvents.of(run, trace));
        }
    }

    /**
     * The explorer data of the run in {@code runDir}: the data inlined in its {@value #EXPLORER_HTML}, or
     * an earlier version's {@value #EXPLORER_JSON}.
     *
     * @throws java.nio.file.NoSuchFileException if the folder has neither
     * @throws IOException if the page holds no explorer data or the data is not JSON
     */
    public static JsonNode dataOf(Path runDir) throws IOException {
        return MAPPER.readTree(dataText(runDir));
    }

    private static String dataText(Path runDir) throws IOException {
        Path old = runDir.resolve(EXPLORER_JSON);
        if (Files.isRegularFile(old)) {
            return Files.readString(old, StandardCharsets.UTF_8);
        }
        Path page = runDir.resolve(EXPLORER_HTML);
        String json = ExplorerPage.dataOf(Files.readString(page, StandardCharsets.UTF_8));
        if (json == null) {
            throw new IOException(page + ": not an explorer page (no explorer data in it)");
        }
        return json;
    }

    /**
     * Renders {@value #EXPLORER_HTML} again (with this version's scripts) from the explorer data of the run in
     * {@code runDir} ({@link #dataOf}), written to {@code page} (for {@code stormglass explore}).
     *
     * @throws java.nio.file.NoSuchFileException if the folder has no explorer data
     */
    public static void renderFromFolder(Path runDir, Path page) throws IOException {
        String json = dataText(runDir);
        MAPPER.readTree(json); // refuses a damaged file before anything is written
        Files.writeString(page, ExplorerPage.render(json), StandardCharsets.UTF_8);
    }
}
