package io.stormglass.raft.client;

import io.stormglass.raft.kv.KvResult;

/**
 * How a call ended.
 *
 * @param result       the member's result when it succeeded, else null
 * @param error        etcd's error text when it failed, else null
 * @param latencyNanos from the call to its end
 * @param attempts     how many requests were sent
 */
public record ClientResult(KvResult result, String error, long latencyNanos, int attempts) {
    public boolean ok() {
        return error == null;
    }
}
