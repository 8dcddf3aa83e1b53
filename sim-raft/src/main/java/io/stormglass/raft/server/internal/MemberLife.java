package io.stormglass.raft.server.internal;

import io.stormglass.engine.storage.IoStatus;
import java.util.function.Consumer;

/**
 * Whether one incarnation of a member still lives, and how it dies of a fatal error. A crash ends
 * the life; I/O started before it may still complete, and its callbacks must then check
 * {@link #alive()} and do nothing.
 */
final class MemberLife {
    private final MemberLog log;
    private final Consumer<String> onFatal;
    private boolean alive = true;

    /** @param onFatal called with the reason when the member must die (as etcd's {@code lg.Fatal}) */
    MemberLife(MemberLog log, Consumer<String> onFatal) {
        this.log = log;
        this.onFatal = onFatal;
    }

    /** False once this lifetime ended. */
    boolean alive() {
        return alive;
    }

    /** Ends this lifetime (the process was killed). */
    void end() {
        alive = false;
    }

    /** etcd's {@code lg.Fatal}: logs the error and the member process dies. Ignored once dead. */
    void fatal(String what, IoStatus status) {
        if (!alive) {
            return;
        }
        log.warn(what, "error", status.name());
        onFatal.accept(what + ": " + status.name());
    }
}
