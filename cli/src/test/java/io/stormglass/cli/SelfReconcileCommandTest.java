package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SelfReconcileCommandTest {
    @Test
    void runSelfReconcileComparesTwoRunsAndWritesNothing() {
        CliRunner.Result r = CliRunner.run("run", Library.file("safety-fuzz.yaml"), "--self-reconcile", "--set", "duration=3s");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertTrue(r.out().matches("(?s)self-reconcile: identical, \\d+ events \\(fingerprint [0-9a-f]{16}\\)\\s*"), r.out());
        assertTrue(!r.err().contains("output:") && !r.out().contains("output:"), "a reconciled run writes no folder");
    }
}
