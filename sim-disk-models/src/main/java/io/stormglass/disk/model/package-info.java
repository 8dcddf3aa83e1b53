/**
 * The device models, one file each with a flat options record whose defaults cite a published
 * figure: {@code nvme}, {@code sata-ssd}, {@code hdd}, {@code raid5}, {@code ceph-rbd} (with
 * {@link io.stormglass.disk.model.CephCluster} shared by several images), {@code cloud-block} and
 * {@code empirical}. Options carry their unit in the field name ({@code writeLatencyMicros},
 * {@code averageSeekMillis}, {@code bandwidthMiBps}); the completions they produce are in virtual
 * nanoseconds. Contents live in the engine's {@link io.stormglass.engine.storage.SimFileSystem}: these
 * classes decide only timing.
 */
package io.stormglass.disk.model;
