package io.stormglass.raft;

/**
 * Volatile state useful to the application (logging, routing); never persisted.
 *
 * @param leader the known leader id, 0 if none
 */
public record SoftState(long leader, StateRole role) {
}
