package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stormglass.experiment.calibration.Calibration;
import org.junit.jupiter.api.Test;

class CalibrateCommandTest {
    @Test
    void listsTheReferencesInTableOrder() {
        CliRunner.Result r = CliRunner.run("calibrate", "--list", "--library", Library.DIR.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(String.join("", Calibration.standard(Library.DIR).ids().stream().map(id -> id + System.lineSeparator()).toList()),
                r.out());
    }

    @Test
    void anUnknownReferenceIsOneLineAndExit2() {
        CliRunner.Result r = CliRunner.run("calibrate", "--only", "no-such-reference");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("stormglass: --only: expected one of"), r.err());
    }
}
