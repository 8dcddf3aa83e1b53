package io.stormglass.raft.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden scripts (in the manner of etcd-io/raft's datadriven tests): blocks of one command line,
 * {@code ----}, and the expected output up to a blank line; {@code #} lines are comments kept with the
 * next block. Run with {@code -Dgolden.rewrite=true} to rewrite the expected outputs from the current
 * behaviour (then review the diff by hand).
 */
public final class GoldenScripts {
    private static final boolean REWRITE = Boolean.getBoolean("golden.rewrite");

    private record Block(List<String> comments, String command, String expected) {
    }

    private GoldenScripts() {
    }

    /**
     * One dynamic test per {@code *.txt} file of {@code dir}, each run by a fresh interpreter from
     * {@code interpreters} (a function from a command line to its output).
     */
    public static Stream<DynamicTest> tests(Path dir, Supplier<UnaryOperator<String>> interpreters) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no scripts in " + dir);
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> run(f, interpreters.get())));
    }

    private static void run(Path file, UnaryOperator<String> interp) throws IOException {
        List<Block> blocks = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        StringBuilder rewritten = new StringBuilder();
        for (Block b : blocks) {
            String actual;
            try {
                actual = interp.apply(b.command());
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
