/**
 * Reports of recorded runs. {@link io.stormglass.report.ReportWriter#write} turns a
 * {@link io.stormglass.report.RunRecord} into a folder with {@code report.html}, charts as PNG and SVG,
 * {@code metrics.csv}, {@code events.jsonl} and {@code summary.json}, published atomically. Reads only
 * the engine's recording types, never Raft, disk, network or scenario code.
 */
package io.stormglass.report;
