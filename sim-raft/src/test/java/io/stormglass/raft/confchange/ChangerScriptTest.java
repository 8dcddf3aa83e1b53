package io.stormglass.raft.confchange;

import io.stormglass.raft.harness.GoldenScripts;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The configuration-change rules of thesis §4 (single-server changes §4.1, learners §4.2.1, joint
 * consensus §4.3) as golden scripts under {@code src/test/resources/confchange}, in the manner of
 * etcd-io/raft's {@code confchange/testdata}; each script cites the section its rules come from.
 */
class ChangerScriptTest {
    @TestFactory
    Stream<DynamicTest> scripts() {
        return GoldenScripts.tests(Path.of("src/test/resources/confchange"), () -> new ChangerInterpreter()::run);
    }
}
