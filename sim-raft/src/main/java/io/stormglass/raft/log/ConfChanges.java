package io.stormglass.raft.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The payload encoding of configuration-change entries (etcd stores the {@code raftpb} protobuf). Little
 * endian. {@link ConfChange}: type (1 byte), node id (8), then the context. {@link ConfChangeV2}:
 * transition (1), change count (4), per change type (1) and node id (8), then the context. The empty
 * payload decodes to {@link ConfChangeV2#LEAVE_JOINT}, as the empty protobuf does in etcd, so the leader's
 * automatic leave costs no payload bytes.
 */
public final class ConfChanges {
    private static final int V1_HEADER_BYTES = 1 + 8;
    private static final int V2_HEADER_BYTES = 1 + 4;
    private static final int CHANGE_BYTES = 1 + 8;

    private ConfChanges() {
    }

    /** The entry payload of {@code cc}. */
    public static byte[] encode(ConfChangeRequest cc) {
        if (cc instanceof ConfChange v1) {
            return ByteBuffer.allocate(V1_HEADER_BYTES + v1.context().length).order(ByteOrder.LITTLE_ENDIAN)
                    .put((byte) v1.type().ordinal()).putLong(v1.nodeId()).put(v1.context()).array();
        }
        ConfChangeV2 v2 = (ConfChangeV2) cc;
        if (v2.equals(ConfChangeV2.LEAVE_JOINT)) {
            return new byte[0];
        }
        ByteBuffer b = ByteBuffer.allocate(V2_HEADER_BYTES + CHANGE_BYTES * v2.changes().size() + v2.context().length)
                .order(ByteOrder.LITTLE_ENDIAN).put((byte) v2.transition().ordinal()).putInt(v2.changes().size());
        for (ConfChangeSingle c : v2.changes()) {
            b.put((byte) c.type().ordinal()).putLong(c.nodeId());
        }
        return b.put(v2.context()).array();
    }

    /** A log entry carrying {@code cc}; the leader assigns term and index when it appends it. */
    public static Entry toEntry(ConfChangeRequest cc) {
        return new Entry(0, 0, cc.entryType(), encode(cc));
    }

    /**
     * The change a configuration-change entry carries.
     *
     * @throws IllegalArgumentException if {@code e} is a normal entry or its payload is malformed
     */
    public static ConfChangeRequest decode(Entry e) {
        return decode(e.type(), e.data());
    }

    /** The change encoded in {@code data} as an entry of {@code type}; see {@link #decode(Entry)}. */
    public static ConfChangeRequest decode(EntryType type, byte[] data) {
        try {
            return switch (type) {
                case CONF_CHANGE -> decodeV1(data);
                case CONF_CHANGE_V2 -> decodeV2(data);
                case NORMAL -> throw new IllegalArgumentException("a normal entry carries no configuration change");
            };
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("malformed " + type + " payload of " + data.length + " bytes", e);
        }
    }

    private static ConfChange decodeV1(byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        ConfChangeType type = ConfChangeType.values()[b.get()];
        long node = b.getLong();
        return new ConfChange(type, node, Arrays.copyOfRange(data, b.position(), data.length));
    }

    private static ConfChangeV2 decodeV2(byte[] data) {
        if (data.length == 0) {
            return ConfChangeV2.LEAVE_JOINT;
        }
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        ConfChangeTransition transition = ConfChangeTransition.values()[b.get()];
        int n = b.getInt();
        if (n < 0 || (long) n * CHANGE_BYTES > b.remaining()) {
            throw new IllegalArgumentException("malformed CONF_CHANGE_V2 payload: " + n + " changes in "
                    + data.length + " bytes");
        }
        List<ConfChangeSingle> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ConfChangeType type = ConfChangeType.values()[b.get()];
            changes.add(new ConfChangeSingle(type, b.getLong()));
        }
        return new ConfChangeV2(transition, changes, Arrays.copyOfRange(data, b.position(), data.length));
    }
}
