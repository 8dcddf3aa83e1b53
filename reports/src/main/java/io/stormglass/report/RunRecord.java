package io.stormglass.report;

import io.stormglass.engine.metrics.Recorder;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a report is made from: the run's identity, how to reproduce it, and its recording.
 * The report reads only this record (recorded data), never the model that produced it.
 *
 * @param scenarioName           the scenario's name, such as {@code incident-ceph-prometheus}
 * @param description            what the scenario shows, in plain words
 * @param seed                   the root seed of the run
 * @param fingerprintHex         the run fingerprint as hex (same scenario + seed ⇒ same text)
 * @param simulatedDurationNanos virtual time the run covered, in nanoseconds
 * @param wallSeconds            wall-clock seconds the run took (the only wall-clock figure in the report)
 * @param eventsDispatched       events the simulation dispatched
 * @param scenarioYaml           the scenario as resolved and run, as YAML text
 * @param reproduceCommand       the exact command line that replays the run
 * @param timeouts               the members' heartbeat interval and election timeout
 * @param settings               further resolved settings shown in the report as text, such as
 *                               {@code disk/n1=ceph-rbd}; sorted by key. Display only: the report reads
 *                               no number from them
 * @param memberIds              member ids (1-based), each shown as {@code n<id>}
 * @param walDevices             the block device holding each member's WAL, by member id, as named in the
 *                               {@code device} label of disk metrics; may be empty (then a device whose
 *                               name contains {@code n<id>} as a token is used)
 * @param recorder               the run's recording; call {@link Recorder#closePartialWindow()} before
 *                               reporting so that the last window is visible
 */
public record RunRecord(
        String scenarioName,
        String description,
        long seed,
        String fingerprintHex,
        long simulatedDurationNanos,
        double wallSeconds,
        long eventsDispatched,
        String scenarioYaml,
        String reproduceCommand,
        RaftTimeouts timeouts,
        SortedMap<String, String> settings,
        List<Integer> memberIds,
        SortedMap<Integer, String> walDevices,
        Recorder recorder) {

    public RunRecord {
        Objects.requireNonNull(scenarioName, "scenarioName");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(timeouts, "timeouts");
        description = description == null ? "" : description;
        fingerprintHex = fingerprintHex == null ? "" : fingerprintHex;
        scenarioYaml = scenarioYaml == null ? "" : scenarioYaml;
        reproduceCommand = reproduceCommand == null ? "" : reproduceCommand;
        if (simulatedDurationNanos < 0) {
            throw new IllegalArgumentException("simulated duration must not be negative: " + simulatedDurationNanos);
        }
        settings = Collections.unmodifiableSortedMap(new TreeMap<>(settings == null ? new TreeMap<>() : settings));
        memberIds = List.copyOf(memberIds == null ? List.of() : memberIds.stream().sorted().distinct().toList());
        walDevices = Collections.unmodifiableSortedMap(
                new TreeMap<>(walDevices == null ? new TreeMap<>() : walDevices));
    }

    /** The label of member {@code id} in metrics and text: {@code n<id>}. */
    public static String member(int id) {
        return "n" + id;
    }
}
