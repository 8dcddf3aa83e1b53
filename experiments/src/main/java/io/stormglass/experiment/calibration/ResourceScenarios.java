package io.stormglass.experiment.calibration;

import io.stormglass.run.LoadSummary;
import io.stormglass.run.RunResult;
import io.stormglass.run.Runner;
import io.stormglass.scenario.load.ScenarioLoader;
import io.stormglass.scenario.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a reference's scenario that ships beside it as a class-path resource: the YAML is copied to a
 * temporary file (the loader reads files), loaded with {@code --set}-style overrides, run in memory
 * (nothing written), and the measured load returned as etcd's benchmark tool reports it.
 */
final class ResourceScenarios {
    private ResourceScenarios() {
    }

    /** Loads resource {@code name} (beside this class) with {@code sets} applied. */
    static Scenario load(String name, List<String> sets) {
        Path file = null;
        try (InputStream in = ResourceScenarios.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing calibration scenario " + name);
            }
            file = Files.createTempFile("stormglass-calibration-", "-" + name);
            Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return ScenarioLoader.load(file, sets);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage calibration scenario " + name, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** Runs {@code s} in memory and returns its measured load. */
    static LoadSummary measure(Scenario s) {
        try {
            RunResult r = Runner.run(s, Runner.Options.inMemory());
            return r.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory run writes nothing
        }
    }
}
