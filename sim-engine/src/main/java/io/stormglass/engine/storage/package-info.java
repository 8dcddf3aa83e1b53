/**
 * Storage as the system under test sees it, with explicit durability (DESIGN.md §3; after MicroRaft's
 * {@code RaftStore} and FoundationDB's {@code AsyncFileNonDurable}). A
 * {@link io.stormglass.engine.storage.DataFile} behaves as {@code write(2)} plus {@code fdatasync(2)}:
 * writes and truncates are visible at once and cost no device time, but stay volatile until a
 * {@code sync} issued after them reports OK; the metadata operations of a
 * {@link io.stormglass.engine.storage.FileSystem} are durable when they return; errors are
 * {@link io.stormglass.engine.storage.IoStatus} values, never exceptions. A
 * {@link io.stormglass.engine.storage.BlockDevice} is only a timing model: each request completes
 * exactly once, later, on the simulation loop, and a WRITE is durable once a FLUSH submitted after its
 * completion completes OK. {@link io.stormglass.engine.storage.SimFileSystem} joins the two: contents
 * in memory, time from the device, a sync sent as page WRITEs and then a FLUSH, serialized and grouped
 * per file, and a power loss ({@link io.stormglass.engine.storage.CrashMode}) that keeps synced data
 * and drops, keeps, tears or corrupts unsynced data by 512-byte sector, drawing from the file
 * system's own random stream. Sizes and offsets are bytes, times virtual nanoseconds. The device
 * models live in {@code sim-disk-models}; a real implementation over {@code FileChannel.force} must
 * satisfy the same contracts.
 */
package io.stormglass.engine.storage;
