package io.stormglass.scenario.model;

/**
 * What a run writes.
 *
 * @param dir        output folder (null: {@code out/<scenario>-<seed>})
 * @param report     whether to write {@code report.html} and the charts
 * @param memberLogs whether to write one etcd-style JSON log per member
 * @param history    whether to record the client history for a linearizability check
 */
public record OutputSpec(String dir, boolean report, boolean memberLogs, boolean history) {
}
