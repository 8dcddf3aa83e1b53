package io.stormglass.raft;

/**
 * Volatile state useful to the application (logging, routing); never persisted.
 *
 * @param leader the known leader id, 0 if none
 */
public record SoftState(long leader, StateRole role) {
    /**
     * The components' equality, as the record's own; written out because every Ready check compares
     * soft states and the generated equals goes through method handles (issue 23).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof SoftState s && s.leader == leader && s.role == role;
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(leader) + (role == null ? 0 : role.ordinal()); // stable across JVMs, unlike an enum's identity hash
    }
}
