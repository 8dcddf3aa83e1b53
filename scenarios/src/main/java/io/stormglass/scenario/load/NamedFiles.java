package io.stormglass.scenario.load;

import io.stormglass.disk.InputFormatException;
import io.stormglass.scenario.input.InputFiles;
import io.stormglass.scenario.input.InputKind;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.MapReader;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files that a scenario names under a key ({@code fio: run.json}, a trace's {@code file:}),
 * relative to the file that names them. A problem with the file as a whole (missing, a folder,
 * too large) is reported at the naming key; a problem inside it (not UTF-8, a malformed line, an
 * impossible number) at its own line and column in that file.
 */
final class NamedFiles {
    /** A file read: how messages show it, and its text. */
    record Named(String shown, String text) {
    }

    private NamedFiles() {
    }

    /** The file named under {@code key}, or empty once its problem is recorded. */
    static Optional<Named> read(MapReader m, String key, InputKind kind) {
        String name = m.string(key, "");
        if (name.isBlank()) {
            m.problem(key, "expected the name of a file");
            return Optional.empty();
        }
        String shown = Path.of(m.locationOf(key).file()).resolveSibling(name).normalize().toString();
        try {
            return Optional.of(new Named(shown, InputFiles.readText(Path.of(shown), shown, kind)));
        } catch (ScenarioException e) {
            InputFiles.namedAt(e, m.locationOf(key), m.keyPath(key)).forEach(p ->
                    m.problems().add(p.location(), p.keyPath(), p.message()));
            return Optional.empty();
        }
    }

    /** Records a format problem of {@code file} (named under {@code key}) where it stands. */
    static void report(MapReader m, String key, String file, InputFormatException e) {
        if (e.line() == 0) {
            m.problem(key, file + ": " + e.getMessage());
            return;
        }
        ScenarioProblem p = new ScenarioProblem(new Location(file, e.line(), e.column()), e.field(), e.getMessage());
        m.problems().add(p.location(), p.keyPath(), p.message());
    }
}
