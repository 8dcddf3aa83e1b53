package io.stormglass.raft.client;

import io.stormglass.raft.kv.WatchResponse;

/** Who hears one watch's responses ({@link KvClient#watch}). */
public interface WatchListener {
    /** A response on the watch, in stream order: the creation acknowledgement, events, progress, a cancellation. */
    void response(WatchResponse response);

    /**
     * The stream carrying the watch broke (a message missing or out of order: the connection was lost);
     * nothing more comes for this watch, and the watcher may still exist on the member.
     */
    default void broken() {
    }
}
