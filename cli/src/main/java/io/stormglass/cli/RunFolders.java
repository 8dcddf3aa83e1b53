package io.stormglass.cli;

import io.stormglass.report.output.OutputKind;
import io.stormglass.report.output.OutputMarker;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that a command's argument is a run's folder (written by {@code stormglass run}) holding a file it needs. */
final class RunFolders {
    private RunFolders() {
    }

    /** {@code dir} itself; a user-input error (exit 2) if it is not a run's folder or lacks any of {@code files}. */
    static Path require(Path dir, String... files) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir + ": not a folder (expected a run's output folder, such as out/<scenario>-<seed>)");
        }
        if (OutputMarker.read(dir).orElse(null) != OutputKind.RUN) {
            throw new UserInputException(dir + ": not a run's output folder (no " + OutputMarker.FILE + " of a run)");
        }
        for (String f : files) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new UserInputException(dir + ": has no " + f + " (run the scenario again with this version, with its report)");
            }
        }
        return dir;
    }
}
