package io.stormglass.experiment.calibration;

import java.nio.file.Path;
import java.util.List;

/** The references of {@link Calibration#standard()}, in table order. */
final class StandardReferences {
    private StandardReferences() {
    }

    static List<Reference> all(Path library) {
        return List.of(new RaftFig16Reference(library.resolve("raft-paper-failover.yaml")), new EtcdBenchmarkReference(), new Seed003Reference(), new DiskReference(library));
    }
}
