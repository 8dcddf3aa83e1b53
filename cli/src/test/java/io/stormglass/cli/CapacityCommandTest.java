package io.stormglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityCommandTest {
    @Test
    void writesTheReportAndPrintsOneLinePerProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, """
                description: one profile, two steps
                ramp: {start: 100/s, step: 100/s, max: 200/s, step-duration: 2s, warmup: 2s}
                slo: {put-p99: 25ms}
                profiles:
                  ssd: {builtin: sata-ssd}
                """);
        Path out = dir.resolve("out");
        CliRunner.Result r = CliRunner.run("capacity", file.toString(), "--out", out.toString(), "--jobs", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("ssd "), r.out());
        assertTrue(r.out().contains("max ") && r.out().contains("disk: passes"), r.out());
        assertTrue(Files.size(out.resolve("capacity-report.html")) > 10_000);
        assertTrue(Files.readString(out.resolve("capacity.json")).contains("\"offered_per_s\" : 200.0"));
    }

    @Test
    void aBadFileIsAUserMistake(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "description: x\nramp: {start: 1/s}\nslo: {}\nprofiles: {}\n");
        CliRunner.Result r = CliRunner.run("capacity", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("bad.yaml:2:") && r.err().contains("ramp.max"), r.err());
        assertTrue(r.err().contains("at least one hardware profile"), r.err());
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("capacity", dir.resolve("missing.yaml").toString()).exitCode());
    }
}
