package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuzzCommandTest {
    private static final String BASE = Library.file("safety-fuzz.yaml");

    @Test
    void theCommandRejectsAnUnknownFaultKindAndExitsFourOnALivenessOnlyFailure(@TempDir Path dir) {
        assertEquals(2, StormglassCli.execute("fuzz", BASE, "--seeds", "1", "--faults", "meteor"));
        assertEquals(2, StormglassCli.execute("fuzz", BASE, "--seeds", "0"));
        assertEquals(4, StormglassCli.execute("fuzz", BASE, "--seeds", "1", "--jobs", "1",
                "--set", "checks.liveness=1ms", "--shrink-runs", "0", "--out", dir.toString()));
        assertEquals(0, StormglassCli.execute("fuzz", BASE, "--seeds", "2", "--jobs", "2",
                "--faults", "crash,reorder", "--max-faults", "4", "--out", dir.resolve("ok").toString()));
    }
}
