package io.stormglass.scenario.history;

import io.stormglass.raft.client.Operation;
import io.stormglass.scenario.input.InputFiles;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a history file for {@code check-history}, streamed line by line (at most
 * {@link InputKind#HISTORY}'s bound; memory holds the operations, not the text). The format is
 * told by the first line that is neither blank nor a {@code #} comment: JSON ({@code {} or
 * {@code [}) starts Stormglass's JSONL ({@link JsonlHistory}), anything else is read as Jepsen's log
 * ({@link JepsenHistory}), whose other lines are skipped.
 *
 * <p>Every mistake is a {@link ScenarioException} with one problem at {@code FILE:LINE} (and
 * column, for malformed JSON).
 */
public final class HistoryFiles {
    private HistoryFiles() {
    }

    /** The operations of the history in {@code file}. */
    public static List<Operation> read(Path file) {
        String shown = file.toString();
        HistoryBuilder b = new HistoryBuilder(shown);
        Boolean[] jsonl = {null};
        InputFiles.forEachLine(file, shown, InputKind.HISTORY, (n, text) -> {
            String line = text.strip();
            if (jsonl[0] == null && !line.isEmpty() && !line.startsWith("#")) {
                jsonl[0] = line.startsWith("{") || line.startsWith("[");
            }
            if (jsonl[0] == null) {
                return;
            }
            if (jsonl[0]) {
                JsonlHistory.line(b, shown, n, text);
            } else {
                JepsenHistory.line(b, shown, n, text);
            }
        });
        if (b.isEmpty()) {
            throw new ScenarioException(new ScenarioProblem(Location.wholeFile(shown), "", jsonl[0] == null
                    ? "the file is empty; expected a history (Stormglass's JSONL or a Jepsen register log)"
                    : "no operations found; expected Stormglass's JSONL history or a Jepsen register log"));
        }
        return b.build();
    }
}
