/** Log data: entries, hard state, snapshots, and byte helpers. Immutable values. */
package io.stormglass.raft.log;
