package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class KvCodecProperties {
    private static Arbitrary<String> keys() {
        return Arbitraries.of("a", "b", "c", "d", "e", "ключ");
    }

    private static Arbitrary<KvCommand> writes() {
        Arbitrary<String> values = Combinators.combine(Arbitraries.strings().ofMaxLength(20), Arbitraries.of(0, 0, 40))
                .as((tag, run) -> tag + "-".repeat(run)); // padded like the workloads' values, or not
        Arbitrary<KvCommand> put = Combinators.combine(keys(), values, Arbitraries.longs().between(0, 3))
                .as(KvCommand.Put::new);
        Arbitrary<KvCommand> delete = Combinators.combine(keys(), Arbitraries.of("", "c", "z")).as(KvCommand.Delete::new);
        return Arbitraries.oneOf(put, delete);
    }

    @Provide
    Arbitrary<List<KvCommand>> commands() {
        Arbitrary<KvCommand> txn = Combinators.combine(
                Combinators.combine(keys(), Arbitraries.strings().ofMaxLength(5)).as(Compare::valueEquals).list().ofMaxSize(2),
                writes().list().ofMaxSize(3), writes().list().ofMaxSize(3)).as(KvCommand.Txn::new);
        Arbitrary<KvCommand> grant = Combinators.combine(Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1, 1_000))
                .as(KvCommand.LeaseGrant::new);
        Arbitrary<KvCommand> revoke = Arbitraries.longs().between(1, 3).map(KvCommand.LeaseRevoke::new);
        Arbitrary<KvCommand> compact = Arbitraries.longs().between(0, 40).map(KvCommand.Compact::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, writes()), net.jqwik.api.Tuple.of(2, txn),
                net.jqwik.api.Tuple.of(1, grant), net.jqwik.api.Tuple.of(1, revoke),
                net.jqwik.api.Tuple.of(1, compact)).list().ofMaxSize(60);
    }

    @Property(tries = 200)
    void proposalsSurviveEncoding(@ForAll("commands") List<KvCommand> commands, @ForAll long requestId) {
        for (KvCommand c : commands) {
            KvCodec.Proposal p = new KvCodec.Proposal(requestId, c);
            assertEquals(p, KvCodec.decodeProposal(KvCodec.encode(p)));
        }
    }

    /** The request id read alone is the one the whole proposal decodes with, for any id (negative ones too). */
    @Property(tries = 200)
    void aProposalsRequestIdIsReadWithoutDecodingIt(@ForAll("commands") List<KvCommand> commands, @ForAll long requestId) {
        for (KvCommand c : commands) {
            byte[] data = KvCodec.encode(new KvCodec.Proposal(requestId, c));
            assertEquals(KvCodec.decodeProposal(data).requestId(), KvCodec.proposalRequestId(data));
        }
    }

    /** The size a request has on the wire is computed, not encoded: it must be the encoding's, for any text. */
    @Property(tries = 300)
    void aProposalIsSizedWithoutEncodingIt(@ForAll("anyText") String key, @ForAll("anyText") String value) {
        KvCommand put = new KvCommand.Put(key, value, 7);
        int expected = Long.BYTES + 1 + 4 + key.getBytes(StandardCharsets.UTF_8).length + 4
                + value.getBytes(StandardCharsets.UTF_8).length + Long.BYTES;
        assertEquals(expected, KvCodec.proposalBytes(put));
        assertEquals(expected, KvCodec.encode(new KvCodec.Proposal(1, put)).length);
    }

    @Provide
    Arbitrary<String> anyText() {
        // every char of plane 0, unpaired surrogates included (they encode as '?')
        // and texts long enough to be measured by encoding them, with and without chars beyond ASCII
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12), Arbitraries.of("\uD83D\uDE00", "\uD800", "é€"),
                Arbitraries.strings().all().ofMinLength(60).ofMaxLength(200),
                Arbitraries.strings().ascii().ofMinLength(60).ofMaxLength(1100),
                Arbitraries.of("x".repeat(1024), "v1-" + "\uD800" + "x".repeat(100)));
    }

    /** State-machine determinism: replaying decoded commands, or restoring a snapshot, gives the same state. */
    @Property(tries = 200)
    void aSnapshotRestoresAnEquivalentStore(@ForAll("commands") List<KvCommand> commands) {
        KvStore original = new KvStore();
        KvStore replayed = new KvStore();
        for (KvCommand c : commands) {
            KvResult a = original.apply(c);
            KvResult b = replayed.apply(KvCodec.decodeProposal(KvCodec.encode(new KvCodec.Proposal(1, c))).command());
            assertEquals(a, b);
        }
        KvStore restored = new KvStore();
        KvCodec.restoreSnapshot(restored, KvCodec.encodeSnapshot(original));
        assertEquals(original.digest(), restored.digest());
        assertEquals(original.revision(), restored.revision());
        for (long rev = 1; rev <= original.revision(); rev++) {
            assertEquals(original.rangeAt("", "\uffff", 0, rev), restored.rangeAt("", "\uffff", 0, rev), "at revision " + rev);
        }
        for (long lease = 1; lease <= 3; lease++) {
            assertEquals(original.keysOfLease(lease), restored.keysOfLease(lease));
        }
        KvCommand next = new KvCommand.LeaseRevoke(1);
        assertEquals(original.apply(next), restored.apply(next));
        assertEquals(original.digest(), restored.digest());
    }

    /**
     * A view taken at any point encodes, whenever asked, the bytes an encoding at that point gave, through
     * later writes, deletes, lease changes, compactions and restores of other states into the same store.
     */
    @Property(tries = 200)
    void aViewEncodesWhatItsStoreHeldWhenTaken(@ForAll("commands") List<KvCommand> commands, @ForAll("commands") List<KvCommand> other) {
        KvStore store = new KvStore();
        byte[] otherState = KvCodec.encodeSnapshot(applied(other));
        List<KvSnapshot> views = new java.util.ArrayList<>();
        List<byte[]> atOnce = new java.util.ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            store.apply(commands.get(i));
            if (i % 4 == 3) {
                views.add(store.freeze());
                atOnce.add(KvCodec.encodeSnapshot(store));
            }
            if (i % 17 == 16) {
                KvSnapshot.encoded(otherState).restoreInto(store);
            }
        }
        for (int i = 0; i < views.size(); i++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(atOnce.get(i), views.get(i).bytes(), "view " + i);
        }
    }

    private static KvStore applied(List<KvCommand> commands) {
        KvStore store = new KvStore();
        commands.forEach(store::apply);
        return store;
    }
}
