package io.stormglass.raft.wal;

import java.util.Arrays;

/**
 * Opaque member metadata (etcd stores node and cluster ids). Written at creation and at the
 * start of every segment; all copies must agree on replay.
 */
public record WalMetadata(byte[] data) implements WalRecord {
    public WalMetadata {
        data = data == null ? new byte[0] : data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalMetadata m && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WalMetadata[bytes=" + data.length + "]";
    }
}
