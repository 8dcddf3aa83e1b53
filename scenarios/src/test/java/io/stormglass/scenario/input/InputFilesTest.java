package io.stormglass.scenario.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stormglass.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {
    @TempDir
    Path dir;

    private static String refusal(Runnable read) {
        ScenarioException e = assertThrows(ScenarioException.class, read::run);
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).oneLine();
    }

    @Test
    void aFolderADeviceAndAMissingFileAreRefusedBeforeAnythingIsRead() {
        Path folder = dir.resolve("d");
        assertEquals("d: is a folder, not a file", refusal(() -> read(dir.resolve("d"), folder)));
        assertEquals("none.yaml: no such file", refusal(() -> InputFiles.readText(dir.resolve("none.yaml"), "none.yaml", InputKind.YAML)));
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a Unix device to read");
        assertEquals("/dev/zero: is not a regular file (a device, FIFO or socket); Stormglass reads only regular files",
                refusal(() -> InputFiles.readText(Path.of("/dev/zero"), "/dev/zero", InputKind.HISTORY)));
        assertEquals("/dev/zero: is not a regular file (a device, FIFO or socket); Stormglass reads only regular files",
                refusal(() -> InputFiles.forEachLine(Path.of("/dev/zero"), "/dev/zero", InputKind.HISTORY, (n, l) -> { })));
    }

    private static void read(Path create, Path file) {
        try {
            Files.createDirectories(create);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        InputFiles.readText(file, "d", InputKind.YAML);
    }

    @Test
    void aFileOverItsKindsBoundIsRefusedNamingTheBound() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(InputKind.YAML.maxBytes() + 1); // sparse: no disk space used
        }
        assertEquals("big.yaml: is larger than 1MiB, the most Stormglass reads from a scenario, sweep or capacity file",
                refusal(() -> InputFiles.readText(big, "big.yaml", InputKind.YAML)));
    }

    @Test
    void bytesThatAreNotUtf8AreLocatedByLineAndColumn() throws IOException {
        Path f = dir.resolve("latin1.yaml");
        Files.write(f, "a: 1\ndescription: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("latin1.yaml:2:17: not UTF-8 text (byte 0xe9)", refusal(() -> InputFiles.readText(f, "latin1.yaml", InputKind.YAML)));
        assertEquals("latin1.yaml:2:17: not UTF-8 text (byte 0xe9)",
                refusal(() -> InputFiles.forEachLine(f, "latin1.yaml", InputKind.HISTORY, (n, l) -> { })));
        Path cut = dir.resolve("cut.txt");
        Files.write(cut, new byte[] {'o', 'k', (byte) 0xc3});
        assertEquals("cut.txt:1:3: not UTF-8 text (byte 0xc3)", refusal(() -> InputFiles.readText(cut, "cut.txt", InputKind.DATA)));
    }

    @Test
    void aByteOrderMarkIsDroppedAndLinesLoseTheirCarriageReturns() throws IOException {
        Path f = dir.resolve("bom.txt");
        Files.write(f, "\uFEFFone\r\ntwo\r\n\r\nlast".getBytes(StandardCharsets.UTF_8));
        assertEquals("one\r\ntwo\r\n\r\nlast", InputFiles.readText(f, "bom.txt", InputKind.DATA));
        List<String> lines = new ArrayList<>();
        InputFiles.forEachLine(f, "bom.txt", InputKind.HISTORY, (n, l) -> lines.add(n + ":" + l));
        assertEquals(List.of("1:one", "2:two", "3:", "4:last"), lines);
    }

    @Test
    void aLineLongerThanTheLineBoundIsRefusedWithoutHoldingIt() throws IOException {
        Path f = dir.resolve("one-line.jsonl");
        Files.write(f, new byte[InputKind.MAX_LINE_BYTES + 1]);
        assertEquals("one-line.jsonl:1: the line is longer than 1MiB, the most Stormglass reads as one line",
                refusal(() -> InputFiles.forEachLine(f, "one-line.jsonl", InputKind.HISTORY, (n, l) -> { })));
    }
}
