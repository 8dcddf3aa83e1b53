/**
 * The etcd client library, clientv3-like, on the simulated network. A
 * {@link io.stormglass.raft.client.KvClient} talks to one member at a time under a
 * {@link io.stormglass.raft.client.ClientConfig}: every call has a deadline that covers its retries
 * (Go's context deadline; past it the call fails with {@code context deadline exceeded}); a retryable
 * error ({@code leader changed}, {@code no leader}) is retried on the next endpoint after a
 * {@link io.stormglass.raft.client.RetryPolicy} backoff drawn from the client's random stream; an
 * attempt without an answer moves later calls to the next endpoint, as gRPC's balancer leaves a broken
 * connection, and a read is re-sent there at once while a write, which might apply twice, is not. Each
 * call ends exactly once in a {@link io.stormglass.raft.client.ClientResult} with etcd's error text,
 * counted in the client metrics of {@link io.stormglass.engine.metrics.Metric}. Register operations
 * (put, linearizable get, delete, compare-and-set) are recorded in a
 * {@link io.stormglass.raft.client.History} as {@link io.stormglass.raft.client.Operation}s: invocation
 * and completion time and an outcome that is OK, FAILED (certainly without effect) or UNKNOWN (a write
 * that timed out may still apply); calls still out when a run stops are recorded too
 * ({@code KvClient.recordUnfinished}), writes among them as UNKNOWN. The checkers read these histories; the client never imports a
 * checker, and knows the server only through its wire format and {@code EtcdErrors}.
 */
package io.stormglass.raft.client;
