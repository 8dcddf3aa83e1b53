/**
 * The data of record of a run: {@code metrics.csv} ({@link io.stormglass.report.export.MetricsCsv}:
 * the windowed series in tidy long format, bounded in rows: a long run's windows are written merged)
 * and {@code events.jsonl}
 * ({@link io.stormglass.report.export.EventsJsonl}: the timeline), both written and read back, and
 * {@code summary.json} ({@link io.stormglass.report.export.SummaryJson}: the headline numbers, for
 * sweeps and scripts). Byte-stable for the same input: sorted order, exact decimal seconds and
 * locale-independent numbers ({@link io.stormglass.report.export.Numbers}).
 */
package io.stormglass.report.export;
