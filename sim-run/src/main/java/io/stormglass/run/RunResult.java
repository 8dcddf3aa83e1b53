package io.stormglass.run;

import io.stormglass.engine.metrics.Recorder;
import io.stormglass.raft.client.History;
import io.stormglass.run.verdict.CheckReport;
import io.stormglass.scenario.model.Scenario;
import java.nio.file.Path;

/**
 * What a run produced.
 *
 * @param scenario    the scenario as run
 * @param fingerprint the event-trace fingerprint (16 hex digits)
 * @param events      events dispatched
 * @param wallSeconds wall-clock time the run took
 * @param recorder    everything recorded
 * @param history     the client history, or null if not recorded
 * @param outDir      where the outputs were written, or null if none
 * @param report      the report page, or null if none
 * @param checks      what the scenario's checks found, or null if it has none
 * @param load        the measured load as etcd's benchmark tool reports it
 */
public record RunResult(Scenario scenario, String fingerprint, long events, double wallSeconds, Recorder recorder,
        History history, Path outDir, Path report, CheckReport checks, LoadSummary load) {
}
