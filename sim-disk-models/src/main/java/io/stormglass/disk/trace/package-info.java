/**
 * Observation of device I/O for explaining a run: {@link io.stormglass.disk.trace.ObservedDevice}
 * wraps a device and reports each request to an {@link io.stormglass.disk.trace.IoObserver}
 * without changing what the simulation does.
 */
package io.stormglass.disk.trace;
