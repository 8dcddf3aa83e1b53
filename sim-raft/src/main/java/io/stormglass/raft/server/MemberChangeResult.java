package io.stormglass.raft.server;

import io.stormglass.raft.log.ConfState;

/**
 * How a member operation ({@code member add/promote/remove/update}) ended, as etcdctl would report it.
 *
 * @param error     etcd's error text ({@link EtcdErrors}), or null when the change was applied
 * @param confState the configuration the handling member applied the change into (null on error)
 */
public record MemberChangeResult(String error, ConfState confState) {
    public static MemberChangeResult failed(String error) {
        return new MemberChangeResult(error, null);
    }

    public boolean ok() {
        return error == null;
    }
}
