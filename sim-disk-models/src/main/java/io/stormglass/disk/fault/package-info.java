/**
 * Faults: {@link io.stormglass.disk.fault.FaultyDevice} (stall, slow, fsync EIO, ENOSPC, switched on
 * a schedule) decorates any device; {@link io.stormglass.disk.fault.OverlayFileSystem} adds content
 * faults (misdirected write, bit rot) over pristine contents. Crash semantics for unsynced data
 * are the engine's {@code SimFileSystem.crash(CrashMode)}.
 */
package io.stormglass.disk.fault;
