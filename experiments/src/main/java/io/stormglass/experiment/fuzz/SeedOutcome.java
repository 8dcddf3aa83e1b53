package io.stormglass.experiment.fuzz;

import io.stormglass.check.linearizability.CheckResult;
import io.stormglass.engine.probe.ProbeCounts;
import io.stormglass.run.verdict.CheckReport;
import java.io.Serializable;
import java.util.List;

/**
 * What one seed of a campaign gave: a small row, serializable so that a distributed engine's
 * executor can send it back to the driver.
 *
 * @param seed          the run's seed (also the seed of its schedule)
 * @param faults        faults in the drawn schedule
 * @param checks        the checks' verdict (for a failing seed: of the original schedule)
 * @param fingerprint   the run's event-trace fingerprint
 * @param events        events dispatched
 * @param wallSeconds   wall-clock time of the run (shrinking not included)
 * @param saved         where the replayable scenario of a failing seed (shrunk) is saved, or null
 * @param shrunkFaults  faults left after shrinking (failing seeds), else -1
 * @param shrinkRuns    runs spent shrinking
 * @param replayVerified the saved file, loaded back and run, failed again with the same fingerprint as the shrunk run
 * @param files         what the driver saves for a failing seed, or null
 * @param swarm         the seed's swarm profile ({@link SwarmProfile#describe()}), or null if its schedule mixed every
 *                      kind uniformly
 * @param probes        the coverage probes the seed's run hit (shrinking runs not counted)
 */
public record SeedOutcome(long seed, int faults, Verdict checks, String fingerprint, long events, double wallSeconds,
        String saved, int shrunkFaults, int shrinkRuns, boolean replayVerified, FailureFiles files, String swarm,
        ProbeCounts probes) implements Serializable {
    /** The failure kind of a seed whose run threw: a bug in Stormglass, recorded instead of retried. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    /**
     * The checks' verdict, as much of a {@link CheckReport} as the campaign reports.
     *
     * @param failureKinds           {@link CheckReport#failureKinds()} (empty: passed)
     * @param linearizabilityUnknown the linearizability checker ran out of budget
     * @param description            {@link CheckReport#describe()}
     */
    public record Verdict(List<String> failureKinds, boolean linearizabilityUnknown, String description) implements Serializable {
        public Verdict {
            failureKinds = List.copyOf(failureKinds);
        }

        public static Verdict of(CheckReport report) {
            return new Verdict(report.failureKinds(), report.linearizability() instanceof CheckResult.Unknown, report.describe());
        }

        public boolean passed() {
            return failureKinds.isEmpty();
        }

        /** What the checks found, as {@link CheckReport#describe()} put it. */
        public String describe() {
            return description;
        }
    }

    /**
     * A failing seed's files, written by the driver into {@code failures/}.
     *
     * @param scenarioYaml the shrunk, replayable scenario ({@code seed-<seed>.yaml})
     * @param findings     what the checks found before and after shrinking ({@code seed-<seed>.txt})
     */
    public record FailureFiles(String scenarioYaml, String findings) implements Serializable {
    }

    /** The row of a seed whose run threw {@code error}. */
    static SeedOutcome internalError(long seed, String error) {
        return new SeedOutcome(seed, -1, new Verdict(List.of(INTERNAL_ERROR), false, error), "", 0, 0, null, -1, 0, false, null, null,
                new ProbeCounts());
    }

    public boolean passed() {
        return checks.passed();
    }
}
