package io.stormglass.raft;

import io.stormglass.raft.harness.GoldenScripts;
import io.stormglass.raft.harness.Interpreter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden interaction scripts under {@code src/test/resources/golden}, run by the {@link Interpreter}
 * (format: {@link GoldenScripts}).
 */
class GoldenInteractionTest {
    @TestFactory
    Stream<DynamicTest> scripts() {
        return GoldenScripts.tests(Path.of("src/test/resources/golden"), () -> new Interpreter()::run);
    }
}
