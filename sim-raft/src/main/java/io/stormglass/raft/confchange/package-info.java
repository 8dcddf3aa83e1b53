/**
 * Configuration changes (etcd-io/raft {@code confchange}): the {@link io.stormglass.raft.confchange.Changer}
 * derives and checks a new configuration from the active one (single-server changes, thesis §4.1; joint
 * consensus, §4.3; learners, §4.2.1), and {@link io.stormglass.raft.confchange.Restore} rebuilds one from a
 * {@code ConfState}. Pure: nothing changes until the core installs the result.
 */
package io.stormglass.raft.confchange;
