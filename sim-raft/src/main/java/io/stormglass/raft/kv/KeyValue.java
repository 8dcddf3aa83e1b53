package io.stormglass.raft.kv;

/**
 * A key's current value with etcd's revision metadata.
 *
 * @param key            the key
 * @param value          the value
 * @param createRevision store revision at which the key was (last) created
 * @param modRevision    store revision of the last modification
 * @param version        number of modifications since creation (1 after the first put)
 * @param leaseId        attached lease, 0 for none
 */
public record KeyValue(String key, String value, long createRevision, long modRevision, long version, long leaseId) {
}
