package io.stormglass.raft.kv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Binary encoding of what goes into Raft entries and snapshots: a {@link Proposal} (request id +
 * command) and the whole {@link KvStore}. Big-endian, strings as length-prefixed UTF-8, so the
 * encoded size is the size the WAL and the network carry.
 */
public final class KvCodec {
    private static final int SNAPSHOT_MAGIC = 0x4b56534e; // "KVSN"

    private KvCodec() {
    }

    /**
     * What a member proposes: the command and the id under which the proposing member waits for
     * its result.
     *
     * @param requestId unique per proposal within the cluster (member id in the high bits)
     * @param command   the command
     */
    public record Proposal(long requestId, KvCommand command) {
    }

    public static byte[] encode(Proposal proposal) {
        byte[] exact = new byte[proposalBytes(proposal.command())];
        writeInto(exact, out -> {
            out.writeLong(proposal.requestId());
            writeCommand(out, proposal.command());
        });
        return exact;
    }

    /** {@code encode(new Proposal(id, command)).length}, for any id, without encoding. */
    public static int proposalBytes(KvCommand command) {
        return Long.BYTES + KvEncodedSize.of(command);
    }

    public static Proposal decodeProposal(byte[] data) {
        return read(data, in -> new Proposal(in.readLong(), readCommand(in)));
    }

    /**
     * The request id of an {@link #encode encoded} proposal, read from its first eight bytes without
     * decoding the command (observers that follow requests read it for every entry).
     *
     * @throws IllegalArgumentException if {@code data} is shorter than a request id
     */
    public static long proposalRequestId(byte[] data) {
        if (data.length < Long.BYTES) {
            throw new IllegalArgumentException("malformed KV data: " + data.length + " bytes, no request id");
        }
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = id << 8 | (data[i] & 0xFF); // DataOutputStream.writeLong: big-endian
        }
        return id;
    }

    /** {@code store}'s state now, encoded (a snapshot sent at once; see {@link KvStore#freeze()} for one kept). */
    public static byte[] encodeSnapshot(KvStore store) {
        return encodeSnapshot(store.frozenState());
    }

    /**
     * The snapshot encoding of {@code state}: the revision, the leases, every key live at the revision
     * (its newest version there) in key order, the compaction revision, then each key's older versions
     * (those at or before the revision besides the live one: superseded values and tombstones), then the
     * alarms. Reads the history at or before the revision only, so a view encodes later exactly what it
     * would have encoded when taken, as long as no compaction ran in between.
     */
    static byte[] encodeSnapshot(FrozenState state) {
        List<String> liveKeys = new ArrayList<>();
        List<MvccHistory.PackedVersion> live = new ArrayList<>();
        int[] keysWithOlder = {0};
        state.history().forEachKeyAt(state.revision(), k -> {
            if (!k.endsDeleted()) {
                liveKeys.add(k.key());
                live.add(k.packedVersion(k.count() - 1));
            }
            if (olderCount(k) > 0) {
                keysWithOlder[0]++;
            }
        });
        return writeExact(out -> {
            out.writeInt(SNAPSHOT_MAGIC);
            out.writeLong(state.revision());
            out.writeInt(state.leases().size());
            for (var e : state.leases().entrySet()) {
                out.writeLong(e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeInt(live.size());
            for (int i = 0; i < live.size(); i++) {
                writeString(out, liveKeys.get(i));
                writeKeyValue(out, live.get(i));
            }
            writeHistory(out, state, keysWithOlder[0]);
            out.writeInt(state.alarms().size());
            for (int member : state.alarms()) {
                out.writeInt(member);
            }
        });
    }

    /** The MVCC history besides the live values: the compaction revision, then each key's older versions. */
    private static void writeHistory(ExactBytes out, FrozenState state, int keysWithOlder) {
        out.writeLong(state.compactRevision());
        out.writeInt(keysWithOlder);
        state.history().forEachKeyAt(state.revision(), k -> {
            int older = olderCount(k);
            if (older == 0) {
                return;
            }
            writeString(out, k.key());
            out.writeInt(older);
            for (int i = 0; i < older; i++) {
                MvccHistory.PackedVersion v = k.packedVersion(i);
                out.writeVarLong(v.modRevision());
                out.writeBoolean(v.tombstone());
                if (!v.tombstone()) {
                    writeKeyValue(out, v);
                }
            }
        });
    }

    /** A key's versions at the revision besides its live one (the newest, unless that is a tombstone). */
    private static int olderCount(MvccHistory.KeyVersions k) {
        return k.endsDeleted() ? k.count() : k.count() - 1;
    }

    /**
     * A key-value of a snapshot: the value packed ({@link PackedValue}: its head, then the character
     * and length of the run that ends it), so that a snapshot of a long history costs its records, not
     * the workloads' padding, and its numbers as variable-length integers (most revisions need three
     * bytes, not eight). Proposals keep values whole: their bytes are what the WAL writes.
     */
    /** A key-value as the history holds it, its value packed; read back by {@link #readKeyValue}. */
    private static void writeKeyValue(ExactBytes out, MvccHistory.PackedVersion kv) {
        PackedValue value = kv.value();
        byte[] head = value.head().getBytes(StandardCharsets.UTF_8);
        out.writeVarLong(head.length);
        out.write(head);
        out.writeVarLong(value.fill());
        out.writeVarLong(value.fillCount());
        out.writeVarLong(kv.createRevision());
        out.writeVarLong(kv.kvModRevision());
        out.writeVarLong(kv.version());
        out.writeVarLong(kv.leaseId());
    }

    private static KeyValue readKeyValue(ByteReader in, String key) {
        String head = in.readUtf8(Math.toIntExact(readVarLong(in)));
        String value = new PackedValue(head, (char) readVarLong(in),
                Math.toIntExact(readVarLong(in))).unpack();
        return new KeyValue(key, value, readVarLong(in), readVarLong(in), readVarLong(in), readVarLong(in));
    }

    private static long readVarLong(ByteReader in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("malformed KV data: variable-length integer longer than 64 bits");
    }

    /** Replaces {@code store}'s state with the snapshot's. */
    public static void restoreSnapshot(KvStore store, byte[] data) {
        read(data, in -> {
            if (in.readInt() != SNAPSHOT_MAGIC) {
                throw new IllegalArgumentException("not a KV snapshot");
            }
            long revision = in.readLong();
            SortedMap<Long, Long> leases = new TreeMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                leases.put(in.readLong(), in.readLong());
            }
            List<KeyValue> kvs = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                kvs.add(readKeyValue(in, readString(in)));
            }
            store.beginRestore(revision, in.readLong(), leases);
            for (int n = in.readInt(); n > 0; n--) {
                String key = readString(in);
                for (int m = in.readInt(); m > 0; m--) {
                    long modRevision = readVarLong(in);
                    store.restoreOlderVersion(key, new MvccHistory.Version(modRevision, in.readBoolean() ? null : readKeyValue(in, key)));
                }
            }
            store.finishRestore(kvs);
            List<Integer> alarmed = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                alarmed.add(in.readInt());
            }
            store.restoreAlarms(alarmed);
            return null;
        });
    }

    private static void writeCommand(ExactBytes out, KvCommand c) {
        if (c instanceof KvCommand.Put p) {
            out.writeByte(1);
            writeString(out, p.key());
            writeString(out, p.value());
            out.writeLong(p.leaseId());
        } else if (c instanceof KvCommand.Delete d) {
            out.writeByte(2);
            writeString(out, d.key());
            writeString(out, d.rangeEnd());
        } else if (c instanceof KvCommand.Txn t) {
            out.writeByte(3);
            out.writeInt(t.compares().size());
            for (Compare cmp : t.compares()) {
                writeString(out, cmp.key());
                out.writeByte(cmp.target().ordinal());
                out.writeByte(cmp.op().ordinal());
                writeString(out, cmp.value());
                out.writeLong(cmp.number());
            }
            writeCommands(out, t.success());
            writeCommands(out, t.failure());
        } else if (c instanceof KvCommand.LeaseGrant g) {
            out.writeByte(4);
            out.writeLong(g.leaseId());
            out.writeLong(g.ttlNanos());
        } else if (c instanceof KvCommand.LeaseRevoke r) {
            out.writeByte(5);
            out.writeLong(r.leaseId());
        } else if (c instanceof KvCommand.Compact k) {
            out.writeByte(6);
            out.writeLong(k.revision());
        } else if (c instanceof KvCommand.Alarm a) {
            out.writeByte(7);
            out.writeBoolean(a.activate());
            out.writeInt(a.memberId());
        } else {
            throw new IllegalArgumentException("unknown command " + c);
        }
    }

    private static void writeCommands(ExactBytes out, List<KvCommand> commands) {
        out.writeInt(commands.size());
        for (KvCommand c : commands) {
            writeCommand(out, c);
        }
    }

    private static KvCommand readCommand(ByteReader in) {
        int tag = in.readByte();
        return switch (tag) {
            case 1 -> new KvCommand.Put(readString(in), readString(in), in.readLong());
            case 2 -> new KvCommand.Delete(readString(in), readString(in));
            case 3 -> {
                List<Compare> compares = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    compares.add(new Compare(readString(in), Compare.Target.values()[in.readByte()],
                            Compare.Op.values()[in.readByte()], readString(in), in.readLong()));
                }
                yield new KvCommand.Txn(compares, readCommands(in), readCommands(in));
            }
            case 4 -> new KvCommand.LeaseGrant(in.readLong(), in.readLong());
            case 5 -> new KvCommand.LeaseRevoke(in.readLong());
            case 6 -> new KvCommand.Compact(in.readLong());
            case 7 -> new KvCommand.Alarm(in.readBoolean(), in.readInt());
            default -> throw new IllegalArgumentException("unknown KV command tag " + tag);
        };
    }

    private static List<KvCommand> readCommands(ByteReader in) {
        List<KvCommand> out = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            out.add(readCommand(in));
        }
        return out;
    }

    private static void writeString(ExactBytes out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteReader in) {
        return in.readUtf8(in.readInt());
    }

    private interface Writer {
        void write(ExactBytes out);
    }

    private interface Reader<T> {
        T read(ByteReader in);
    }

    /**
     * The bytes {@code w} writes, for a large body: a first pass counts them, a second writes them
     * into an array of that size, so that a snapshot of a long history never holds a doubling
     * buffer and its copy besides the result.
     */
    private static byte[] writeExact(Writer w) {
        ExactBytes counter = ExactBytes.counting();
        w.write(counter);
        byte[] exact = new byte[counter.size()];
        writeInto(exact, w);
        return exact;
    }

    /** Writes into {@code exact}, which must be just large enough. */
    private static void writeInto(byte[] exact, Writer w) {
        ExactBytes out = ExactBytes.into(exact);
        w.write(out);
        if (!out.isFull()) {
            throw new IllegalStateException("encoded " + out.size() + " bytes, sized " + exact.length);
        }
    }

    private static <T> T read(byte[] data, Reader<T> r) {
        return r.read(new ByteReader(data));
    }
}
