package io.stormglass.engine.storage;

/**
 * What a power loss does to data that was written but not yet made durable by a completed sync
 * (after FoundationDB's {@code AsyncFileNonDurable}). Synced data always survives.
 */
public enum CrashMode {
    /** Every unsynced write is lost. */
    DROP_UNSYNCED,
    /** Every unsynced write survives, as if written back just in time. */
    KEEP_UNSYNCED,
    /** Each 512-byte sector of unsynced data independently survives or is lost. */
    TORN_UNSYNCED,
    /** Like {@link #TORN_UNSYNCED}, and a surviving sector may hold garbage instead of the data. */
    CORRUPT_UNSYNCED
}
