/**
 * The device models, one file each with a flat options record whose defaults cite a published
 * figure: {@code nvme}, {@code sata-ssd}, {@code hdd}, {@code raid5}, {@code ceph-rbd} (with
 * {@link io.stormglass.disk.model.CephCluster} shared by several images), {@code cloud-block} and
 * {@code empirical}. Latencies are virtual nanoseconds; contents live in the engine's
 * {@link io.stormglass.engine.storage.SimFileSystem}, these classes decide only timing.
 */
package io.stormglass.disk.model;
