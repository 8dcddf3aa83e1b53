/**
 * Disk models for Stormglass: the public entry points. {@link io.stormglass.disk.DiskModels} builds
 * devices (engine {@link io.stormglass.engine.storage.BlockDevice}s) from the sealed family of
 * options records {@link io.stormglass.disk.model.DiskSpec}; {@link io.stormglass.disk.DiskEnv}
 * carries the run's scheduler, random streams and recorder; {@link io.stormglass.disk.DiskMetrics}
 * is what every device reports. A device is a queue, not a random number per call: concurrent
 * issuers delay each other and throttles queue FIFO.
 */
package io.stormglass.disk;
