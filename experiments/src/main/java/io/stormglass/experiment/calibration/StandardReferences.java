package io.stormglass.experiment.calibration;

import java.util.List;

/** The references of {@link Calibration#standard()}, in table order. */
final class StandardReferences {
    private StandardReferences() {
    }

    static List<Reference> all() {
        return List.of();
    }
}
