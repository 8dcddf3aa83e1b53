/**
 * How Stormglass writes and reads CSV, in one place for every file it writes ({@code metrics.csv},
 * {@code sweep.csv}, {@code failover.csv}, {@code fuzz.csv}): RFC 4180 on jackson-dataformat-csv
 * ({@link io.stormglass.report.csv.CsvFormat}), rows streamed by a
 * {@link io.stormglass.report.csv.CsvRowWriter} and read back, with the line each starts on, by a
 * {@link io.stormglass.report.csv.CsvRecordReader}; damage is a
 * {@link io.stormglass.report.csv.CsvSyntaxException} at its line. Number cells are formatted by the
 * callers' locale-independent formatters ({@link io.stormglass.report.export.Numbers} for the data of
 * record of a run, {@link io.stormglass.report.csv.CsvNumbers} for the experiments' tables), so the
 * same values always give the same bytes. Nothing here knows a file's columns.
 */
package io.stormglass.report.csv;
