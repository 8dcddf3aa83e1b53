package io.stormglass.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Inputs and comparisons shared by the engine tests. */
final class Fixtures {
    /** The project's scenario folder (tests run in spark-runner/). */
    static final Path SCENARIOS = Path.of("../scenarios").toAbsolutePath().normalize();

    private Fixtures() {
    }

    /** A small sweep of the cross-region scenario: 2 points × 2 seeds of 20 s, 2 failover trials each. */
    static Path tinySweep(Path dir) throws IOException {
        Path file = dir.resolve("tiny-sweep.yaml");
        Files.writeString(file, "base: " + SCENARIOS.resolve("cross-region.yaml") + "\n"
                + "set:\n  duration: 20s\n"
                + "vary:\n  cluster.heartbeat-interval: [100ms, 150ms]\n  cluster.election-timeout: [1500ms]\n"
                + "seeds: 2\nfailover:\n  trials: 2\n");
        return file;
    }

    /**
     * The rows of a CSV file without its {@code wall*} columns (wall time differs between runs),
     * sorted (the completion order differs between engines).
     */
    static List<String> rowsWithoutWall(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                if (!header[i].startsWith("wall")) {
                    kept.add(header[i] + "=" + cells.get(i));
                }
            }
            out.add(String.join(",", kept));
        }
        out.sort(null);
        return out;
    }

    /** Cells of one CSV line (quotes as the project's CSV dialect writes them, no embedded newline). */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
