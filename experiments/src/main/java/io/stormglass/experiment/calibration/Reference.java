package io.stormglass.experiment.calibration;

import java.util.List;

/**
 * One published measurement the simulator is compared with: it builds the scenarios that express
 * the published setup, runs them (deterministically: the same budget gives the same rows) and
 * returns one row per compared figure.
 */
public interface Reference {
    /** Short stable id, e.g. {@code raft-fig16}; names the reference on the command line and in the JSON. */
    String id();

    /** One line: the source and what it measured. */
    String title();

    /**
     * Runs the reference.
     *
     * @param budget   trial and request counts, and how many simulations may run at once
     * @param progress hears a short line as each part finishes (for a long run's progress)
     */
    List<CalibrationRow> run(CalibrationBudget budget, java.util.function.Consumer<String> progress)
            throws InterruptedException;
}
