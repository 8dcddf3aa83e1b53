/**
 * The data of record of a run, written and read back: {@code metrics.csv} (windowed series, tidy long
 * format) and {@code events.jsonl} (the timeline). Byte-stable for the same input.
 */
package io.stormglass.report.export;
