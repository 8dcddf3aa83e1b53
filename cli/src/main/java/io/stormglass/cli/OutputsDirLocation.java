package io.stormglass.cli;

import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.YamlNode;
import io.stormglass.scenario.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a scenario file sets {@code outputs.dir}, for an error message: the value's line and
 * column when the file itself sets it to {@code dir}; the whole file when it comes from a file
 * it extends, or the file cannot be read again.
 */
final class OutputsDirLocation {
    private OutputsDirLocation() {
    }

    static Location find(Path scenarioFile, String dir) {
        String shown = scenarioFile.toString();
        try {
            YamlNode root = YamlReader.read(shown, Files.readString(scenarioFile, StandardCharsets.UTF_8));
            if (root instanceof YamlNode.YamlMap m && m.entries().get("outputs") != null
                    && m.entries().get("outputs").value() instanceof YamlNode.YamlMap outputs
                    && outputs.entries().get("dir") != null
                    && outputs.entries().get("dir").value() instanceof YamlNode.YamlScalar value && value.text().equals(dir)) {
                return value.location();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // the loader read it a moment ago; if it cannot now, name the file alone
        }
        return Location.wholeFile(shown);
    }
}
