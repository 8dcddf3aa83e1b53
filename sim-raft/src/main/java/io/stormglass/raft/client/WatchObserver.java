package io.stormglass.raft.client;

import io.stormglass.raft.kv.WatchResponse;

/**
 * Sees every watch a client opens and every response that reaches the watch's listener: what a
 * checker of watch streams needs (the client never imports a checker). Calls come on the simulation
 * loop, in the order the client handles them. A watch is named by the client and the request that
 * created it.
 */
public interface WatchObserver {
    WatchObserver NONE = new WatchObserver() {
    };

    /**
     * The client asked {@code member} to watch {@code [key, rangeEnd)} ({@code key} alone when
     * {@code rangeEnd} is empty) from {@code startRevision} (0: from the revision after the one current
     * when the member creates it, which its creation response carries).
     */
    default void watchRequested(int client, long requestId, int member, String key, String rangeEnd, long startRevision) {
    }

    /** A response on the watch reached its listener, in stream order (the creation acknowledgement first). */
    default void watchResponse(int client, long requestId, WatchResponse response) {
    }

    /** The client stopped listening to the watch: it cancelled it, or the stream carrying it broke. */
    default void watchClosed(int client, long requestId) {
    }
}
