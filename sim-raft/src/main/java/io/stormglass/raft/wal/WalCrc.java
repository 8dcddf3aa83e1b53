package io.stormglass.raft.wal;

/**
 * First record of every segment: the chain value of all records in the segments before it
 * (etcd's {@code crcType} record). Recovery checks that it equals the chain value it computed
 * at the end of the previous segment, so a lost segment or a lost segment tail is detected.
 *
 * @param chainCrc the running chain value, see the package documentation
 */
public record WalCrc(int chainCrc) implements WalRecord {
}
