package io.stormglass.raft.kv;

/**
 * One change a watcher sees (etcd's {@code mvccpb.Event}).
 *
 * @param type what happened
 * @param kv   the key-value after a put; for a delete the key with the deleting revision as its mod
 *             revision and everything else empty, as etcd sends it
 */
public record WatchEvent(Type type, KeyValue kv) {
    /** etcd's {@code Event_PUT} and {@code Event_DELETE}. */
    public enum Type { PUT, DELETE }

    /** The revision that made the change. */
    public long revision() {
        return kv.modRevision();
    }

    static WatchEvent put(KeyValue kv) {
        return new WatchEvent(Type.PUT, kv);
    }

    static WatchEvent delete(String key, long revision) {
        return new WatchEvent(Type.DELETE, new KeyValue(key, "", 0, revision, 0, 0));
    }
}
