package io.stormglass.experiment.fuzz;

import io.stormglass.engine.probe.ProbeCounts;
import io.stormglass.run.verdict.CheckReport;
import java.nio.file.Path;

/**
 * What one seed of a campaign gave.
 *
 * @param seed          the run's seed (also the seed of its schedule)
 * @param faults        faults in the drawn schedule
 * @param checks        the checks' verdict (for a failing seed: of the original schedule)
 * @param fingerprint   the run's event-trace fingerprint
 * @param events        events dispatched
 * @param wallSeconds   wall-clock time of the run (shrinking not included)
 * @param saved         the replayable scenario of a failing seed (shrunk), or null
 * @param shrunkFaults  faults left after shrinking (failing seeds), else -1
 * @param shrinkRuns    runs spent shrinking
 * @param replayVerified the saved file, loaded back and run, failed again with the same fingerprint as the shrunk run
 * @param swarm         the seed's swarm profile, or null if its schedule mixed every kind uniformly
 * @param probes        the coverage probes the seed's run hit (shrinking runs not counted)
 */
public record SeedOutcome(long seed, int faults, CheckReport checks, String fingerprint, long events, double wallSeconds,
        Path saved, int shrunkFaults, int shrinkRuns, boolean replayVerified, SwarmProfile swarm, ProbeCounts probes) {
    public boolean passed() {
        return checks.passed();
    }
}
