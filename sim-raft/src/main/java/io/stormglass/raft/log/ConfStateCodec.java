package io.stormglass.raft.log;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte form of a {@link ConfState} where it is stored: in snapshot files and in the WAL's snapshot
 * markers (etcd's {@code walpb.Snapshot} and {@code raftpb.SnapshotMetadata} both carry the
 * {@code ConfState}, so a restarted member boots with the configuration of its snapshot rather than
 * the one it was first started with). Little endian: auto-leave (1 byte), then voters, outgoing
 * voters, learners and learners-next, each a count (4 bytes) and that many ids (8 bytes each). The
 * empty state encodes to no bytes at all, so a record that carries none keeps its old size.
 */
public final class ConfStateCodec {
    private static final int LISTS = 4;

    private ConfStateCodec() {
    }

    /** The bytes of {@code cs}; empty for {@link ConfState#EMPTY}. */
    public static byte[] encode(ConfState cs) {
        if (cs.equals(ConfState.EMPTY)) {
            return new byte[0];
        }
        ByteBuffer b = ByteBuffer.allocate(1 + LISTS * 4 + 8 * cs.idCount()).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) (cs.autoLeave() ? 1 : 0));
        for (List<Long> ids : List.of(cs.voters(), cs.votersOutgoing(), cs.learners(), cs.learnersNext())) {
            b.putInt(ids.size());
            ids.forEach(b::putLong);
        }
        return b.array();
    }

    /**
     * The state encoded in {@code data[from, data.length)}; {@link ConfState#EMPTY} if that range is empty.
     *
     * @throws IllegalArgumentException if the bytes are not an encoded state
     */
    public static ConfState decode(byte[] data, int from) {
        if (from >= data.length) {
            return ConfState.EMPTY;
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(data, from, data.length - from).order(ByteOrder.LITTLE_ENDIAN);
            boolean autoLeave = b.get() != 0;
            List<List<Long>> lists = new ArrayList<>();
            for (int l = 0; l < LISTS; l++) {
                int n = b.getInt();
                if (n < 0 || n > b.remaining() / 8) {
                    throw new IllegalArgumentException("a configuration list of " + n + " ids does not fit");
                }
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ids.add(b.getLong());
                }
                lists.add(ids);
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException(b.remaining() + " bytes after the configuration");
            }
            return new ConfState(lists.get(0), lists.get(1), lists.get(2), lists.get(3), autoLeave);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated configuration of " + (data.length - from) + " bytes", e);
        }
    }
}
