package io.stormglass.engine.event;

import java.nio.charset.StandardCharsets;

/**
 * The kind of an event, such as {@code "raft.tick"} or {@code "disk.complete"}: it names the
 * event in traces and contributes to the run fingerprint.
 *
 * <p>The fingerprint uses a 64-bit FNV-1a hash of the UTF-8 name, never an identity hash code,
 * so that it is the same in every JVM. Declare kinds as constants and reuse them; creating one
 * per event is allowed but wasteful.
 */
public final class EventKind {
    private final String name;
    private final long hash;

    private EventKind(String name) {
        this.name = name;
        this.hash = Hashing.fnv1a64(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A kind with the given name; two kinds with the same name are interchangeable. */
    public static EventKind named(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event kind needs a non-empty name");
        }
        return new EventKind(name);
    }

    public String name() {
        return name;
    }

    /** Stable 64-bit hash of the name, identical across JVMs. */
    public long stableHash() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventKind k && k.name.equals(name);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hash);
    }

    @Override
    public String toString() {
        return name;
    }
}
