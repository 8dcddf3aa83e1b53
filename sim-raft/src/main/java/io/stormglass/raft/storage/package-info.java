/**
 * The read-only view the core has of stable storage ({@link io.stormglass.raft.storage.Storage}) and
 * an in-memory implementation, with etcd's error semantics (compacted, unavailable, out of date).
 */
package io.stormglass.raft.storage;
