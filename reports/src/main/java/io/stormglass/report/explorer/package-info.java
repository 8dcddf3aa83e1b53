/**
 * The run explorer: {@code explorer.html} (one zoomable time axis with lanes for roles, leader
 * changes, elections, faults and neighbour bursts, warnings, heartbeats, fdatasyncs, disks and
 * clients; each leader change's story of cause and effect), its data {@code explorer.json}, and
 * {@code trace.json} for ui.perfetto.dev. {@link io.stormglass.report.explorer.ExplorerWriter} writes
 * them from a {@link io.stormglass.report.RunRecord} and the run's
 * {@link io.stormglass.report.explorer.ExplorerTrace}.
 */
package io.stormglass.report.explorer;
