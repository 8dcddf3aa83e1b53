package io.stormglass.scenario.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.scenario.model.Scenario;
import io.stormglass.scenario.print.ScenarioPrinter;
import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios at the edges of what is accepted (issue 16): short runs, cascades, floods, sweep files as bases. */
class ScenarioEdgesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> refusal(Path file, String... sets) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(sets)));
        return e.problems().stream().map(p -> p.oneLine().replace(dir + "/", "")).toList();
    }

    @Test
    void aRunShorterThanTheDefaultWindowGetsOneWindowAsLongAsTheRunAndPrintsBack() throws IOException {
        Scenario s = ScenarioLoader.load(write("short.yaml", "description: half a second\nduration: 500ms\n"));
        assertEquals(500_000_000L, s.metricsWindowNanos());
        assertEquals(250_000_000L, s.warmupNanos());
        Path printed = write("printed.yaml", ScenarioPrinter.print(s));
        assertEquals(s.metricsWindowNanos(), ScenarioLoader.load(printed).metricsWindowNanos());
        assertEquals(List.of("long-window.yaml:3:17: metrics-window: must not be longer than duration (500ms)"),
                refusal(write("long-window.yaml", "description: x\nduration: 500ms\nmetrics-window: 1s\n")));
    }

    @Test
    void aProblemIsReportedOnceNotAgainAsItsConsequences() throws IOException {
        assertEquals(List.of("rate.yaml:3:9: workload.rate: must not be negative, got \"-10/s\""),
                refusal(write("rate.yaml", "description: x\nworkload:\n  rate: -10/s\n")));
        assertEquals(List.of("mix.yaml:3:22: workload.mix.get: must not be negative, got \"-0.5\""),
                refusal(write("mix.yaml", "description: x\nworkload:\n  mix: {put: 1, get: -0.5}\n")));
        assertEquals(List.of("disks.yaml:3:3: disks.VM: a disk name uses lower-case letters, digits and '-', got \"VM\""),
                refusal(write("disks.yaml", "description: x\ndisks:\n  VM: {model: nvme}\n  other: {model: nvme}\n")));
    }

    @Test
    void aSizedCloudPresetNeedsItsSizeAndScalesWithIt() throws IOException {
        assertEquals(List.of("pd.yaml:3:7: disks.pd.volume-size: a pd-ssd volume needs its size (at least 1GiB): its baseline IOPS are 30 per GiB"),
                refusal(write("pd.yaml", "description: x\ndisks:\n  pd: {model: cloud-block, preset: pd-ssd}\n")));
        Scenario s = ScenarioLoader.load(write("pd-ok.yaml",
                "description: x\ndisks:\n  pd: {model: cloud-block, preset: pd-ssd, volume-size: 250GiB}\n"));
        CloudBlockDisk.Options pd = (CloudBlockDisk.Options) s.devices().get("pd").disk();
        assertEquals(CloudBlockDisk.Options.pdSsd(250), pd);
        assertEquals(7500, pd.iopsLimit(), "30 IOPS per GiB");
    }

    @Test
    void aFloodOfMistakesIsCutToAScreenful() throws IOException {
        StringBuilder b = new StringBuilder("description: x\n");
        for (int i = 0; i < 5_000; i++) {
            b.append("unknown-").append(i).append(": 1\n");
        }
        List<String> lines = refusal(write("flood.yaml", b.toString()));
        assertEquals(ScenarioException.MAX_SHOWN + 1, lines.size());
        assertEquals("flood.yaml: 4950 more problems not shown; fix the ones above first", lines.get(lines.size() - 1));
    }

    @Test
    void aSweepFileIsNotAScenarioToExtend() throws IOException {
        write("sweep.yaml", "description: s\nbase: base.yaml\nvary: {cluster.election-timeout: [1s]}\n");
        assertEquals(List.of("child.yaml:2:10: extends: sweep.yaml: is a sweep file (it has base: and vary: or sample:), not a scenario"),
                refusal(write("child.yaml", "description: x\nextends: sweep.yaml\n")));
    }

    @Test
    void filesNamedByAScenarioAreSizeCheckedAndLocated() throws IOException {
        Files.createDirectory(dir.resolve("folder.json"));
        assertEquals(List.of("fio.yaml:3:30: disks.d.fio: folder.json: is a folder, not a file"),
                refusal(write("fio.yaml", "description: x\ndisks:\n  d: {model: empirical, fio: folder.json}\n")));
        write("latin1.prom", "");
        Files.write(dir.resolve("latin1.prom"), "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("latin1.prom:1:6: not UTF-8 text (byte 0xe9)"),
                refusal(write("prom.yaml", "description: x\ndisks:\n  d: {model: empirical, prometheus: latin1.prom}\n")));
    }

    @Test
    void aHugeSetKeyPathIsRefusedNotAStackOverflow() throws IOException {
        Path ok = write("ok.yaml", "description: x\n");
        String deep = String.join(".", java.util.Collections.nCopies(20_000, "a")) + "=1";
        List<String> lines = refusal(ok, deep);
        assertEquals(1, lines.size());
        assertEquals("--set:1:1: expected a key path of at most 200 characters, got \"a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.…\"",
                lines.get(0));
        assertEquals(List.of("--set:1:1: expected key.path=value (such as cluster.heartbeat-interval=50ms), got \"cluster.=1\""),
                refusal(ok, "cluster.=1"));
    }

    @Test
    void oneSeedRuleAndOneNameRule() throws IOException {
        Path ok = write("ok.yaml", "description: x\n");
        assertEquals(Long.MAX_VALUE, ScenarioLoader.load(ok, List.of("seed=9223372036854775807")).seed());
        assertEquals(List.of("--set:1:1: seed: expected a whole number from 0 to 9223372036854775807 (2^63-1), got \"1e3\""),
                refusal(ok, "seed=1e3"));
        assertEquals("a-b-c", ScenarioLoader.load(write("a b c.yaml", "description: x\n")).name(),
                "a name taken from the file is made safe, not refused");
    }
}
