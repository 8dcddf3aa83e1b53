/** Raft messages: one record per etcd message type, a sealed family carrying from, to and term. */
package io.stormglass.raft.message;
