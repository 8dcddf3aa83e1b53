package io.stormglass.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.stormglass.raft.harness.Interpreter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden interaction scripts under {@code src/test/resources/golden}: blocks of a command line,
 * {@code ----}, and the expected output up to a blank line; {@code #} lines are comments. Run with
 * {@code -Dgolden.rewrite=true} to rewrite the expected outputs from the current behaviour (then
 * review the diff by hand).
 */
class GoldenInteractionTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean REWRITE = Boolean.getBoolean("golden.rewrite");

    private record Block(List<String> comments, String command, String expected) {
    }

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        List<Block> blocks = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        Interpreter interp = new Interpreter();
        StringBuilder rewritten = new StringBuilder();
        for (Block b : blocks) {
            String actual;
            try {
                actual = interp.run(b.command());
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError(file.getFileName() + ": command '" + b.command() + "' failed: " + e, e);
            }
            if (REWRITE) {
                b.comments().forEach(c -> rewritten.append(c).append('\n'));
                rewritten.append(b.command()).append("\n----\n").append(actual).append("\n\n");
            } else {
                assertEquals(b.expected(), actual, file.getFileName() + ": output of '" + b.command() + "'");
            }
        }
        if (REWRITE) {
            Files.writeString(file, rewritten.toString().stripTrailing() + "\n", StandardCharsets.UTF_8);
        }
    }

    private static List<Block> parse(List<String> lines) {
        List<Block> blocks = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                i++;
                continue;
            }
            if (line.startsWith("#")) {
                comments.add(line);
                i++;
                continue;
            }
            String command = line;
            i++;
            if (i >= lines.size() || !lines.get(i).equals("----")) {
                throw new IllegalArgumentException("expected ---- after '" + command + "' at line " + i);
            }
            i++;
            List<String> expected = new ArrayList<>();
            while (i < lines.size() && !lines.get(i).isBlank()) {
                expected.add(lines.get(i));
                i++;
            }
            blocks.add(new Block(List.copyOf(comments), command, String.join("\n", expected)));
            comments.clear();
        }
        return blocks;
    }
}
