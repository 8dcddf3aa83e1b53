/** Quorum arithmetic (committed index, vote counting) over a voter set; joint configs build on it. */
package io.stormglass.raft.quorum;
