/**
 * Shared queue machinery of the models, not API: a FIFO service queue with parallel channels, a
 * token bucket released on a tick, FIFO slots (queue depth), joins of sub-I/Os, I/O pumps, the
 * metered device base class.
 */
package io.stormglass.disk.internal;
