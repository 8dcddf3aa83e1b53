package io.stormglass.experiment.calibration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The calibration catalogue: every published measurement the simulator is compared with, in the
 * order the table lists them, and a run of some or all of them.
 */
public final class Calibration {
    private final Map<String, Reference> references = new LinkedHashMap<>();

    /** A catalogue of {@code references}; ids must be distinct. */
    public Calibration(List<? extends Reference> references) {
        for (Reference r : references) {
            if (this.references.putIfAbsent(r.id(), r) != null) {
                throw new IllegalArgumentException("two references share the id " + r.id());
            }
        }
    }

    /**
     * Every reference Stormglass carries, in table order.
     *
     * @param library the scenario library folder (references that start from a library scenario read it there)
     */
    public static Calibration standard(Path library) {
        return new Calibration(StandardReferences.all(library));
    }

    /** The ids, in table order. */
    public Set<String> ids() {
        return references.keySet();
    }

    /**
     * Runs the references named in {@code only} (all when empty), in table order.
     *
     * @param wallNanos the wall clock, read only to report how long each reference took
     * @throws IllegalArgumentException if {@code only} names an unknown reference
     */
    public List<ReferenceResult> run(Set<String> only, CalibrationBudget budget, Consumer<String> progress,
            LongSupplier wallNanos) throws InterruptedException {
        for (String id : only) {
            if (!references.containsKey(id)) {
                throw new IllegalArgumentException("no reference named " + id + "; one of: " + String.join(", ", ids()));
            }
        }
        List<ReferenceResult> out = new ArrayList<>();
        for (Reference r : references.values()) {
            if (!only.isEmpty() && !only.contains(r.id())) {
                continue;
            }
            progress.accept(r.id() + ": " + r.title());
            long start = wallNanos.getAsLong();
            List<CalibrationRow> rows = r.run(budget, line -> progress.accept(r.id() + ": " + line));
            out.add(new ReferenceResult(r.id(), r.title(), rows, (wallNanos.getAsLong() - start) / 1e9));
        }
        return out;
    }
}
