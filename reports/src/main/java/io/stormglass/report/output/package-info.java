/**
 * Where commands may write, and how: {@link io.stormglass.report.output.OutputDestination} decides
 * before anything runs whether a destination may be written (Stormglass never deletes or
 * overwrites what it did not create), {@link io.stormglass.report.output.OutputMarker} marks every
 * output folder, {@link io.stormglass.report.output.StagingFolder} and
 * {@link io.stormglass.report.output.AtomicFile} publish atomically, and
 * {@link io.stormglass.report.output.StagingRegistry} knows what to remove when the process is
 * interrupted or fails.
 */
package io.stormglass.report.output;
