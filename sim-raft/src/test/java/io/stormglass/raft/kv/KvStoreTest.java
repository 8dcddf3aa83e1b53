package io.stormglass.raft.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KvStoreTest {
    @Test
    void putsAdvanceTheRevisionAndTrackVersions() {
        KvStore s = new KvStore();
        assertEquals(1, s.revision());
        var r1 = (KvResult.PutResult) s.apply(new KvCommand.Put("a", "1", 0));
        assertEquals(2, r1.revision());
        assertNull(r1.previous());
        var r2 = (KvResult.PutResult) s.apply(new KvCommand.Put("a", "2", 0));
        assertEquals(3, r2.revision());
        assertEquals("1", r2.previous().value());
        KeyValue a = s.get("a");
        assertEquals(new KeyValue("a", "2", 2, 3, 2, 0), a);
    }

    @Test
    void aDeleteThatFindsNothingKeepsTheRevision() {
        KvStore s = new KvStore();
        s.apply(new KvCommand.Put("a", "1", 0));
        var d = (KvResult.DeleteResult) s.apply(new KvCommand.Delete("zzz", ""));
        assertEquals(0, d.deleted());
        assertEquals(2, s.revision());
        s.apply(new KvCommand.Put("b", "1", 0));
        s.apply(new KvCommand.Put("c", "1", 0));
        var range = (KvResult.DeleteResult) s.apply(new KvCommand.Delete("a", "c"));
        assertEquals(2, range.deleted(), "[a, c) holds a and b");
        assertEquals(5, s.revision());
        assertEquals(List.of("c"), s.range("a", "z", 0).kvs().stream().map(KeyValue::key).toList());
    }

    @Test
    void anInvertedRangeIsEmpty() {
        KvStore s = new KvStore();
        s.apply(new KvCommand.Put("c", "1", 0));
        s.apply(new KvCommand.Put("d", "1", 0));
        assertEquals(0, ((KvResult.DeleteResult) s.apply(new KvCommand.Delete("d", "c"))).deleted());
        assertEquals(List.of(), s.range("d", "c", 0).kvs());
        assertEquals(2, s.size());
    }

    @Test
    void aTransactionIsACompareAndSwapWithOneRevision() {
        KvStore s = new KvStore();
        s.apply(new KvCommand.Put("k", "v1", 0));
        KvCommand.Txn cas = new KvCommand.Txn(List.of(Compare.valueEquals("k", "v1")),
                List.of(new KvCommand.Put("k", "v2", 0), new KvCommand.Put("other", "x", 0)),
                List.of());
        var ok = (KvResult.TxnResult) s.apply(cas);
        assertTrue(ok.succeeded());
        assertEquals(3, ok.revision(), "both puts share one revision");
        assertEquals(3, s.get("other").modRevision());
        var fail = (KvResult.TxnResult) s.apply(cas);
        assertFalse(fail.succeeded(), "the value is v2 now");
        assertEquals(3, s.revision());
        var byVersion = (KvResult.TxnResult) s.apply(new KvCommand.Txn(
                List.of(Compare.versionEquals("missing", 0)), List.of(new KvCommand.Put("missing", "created", 0)), List.of()));
        assertTrue(byVersion.succeeded(), "an absent key has version 0");
    }

    @Test
    void revokingALeaseDeletesItsKeys() {
        KvStore s = new KvStore();
        s.apply(new KvCommand.LeaseGrant(7, 10_000_000_000L));
        assertEquals(1, s.revision(), "a grant does not change the revision");
        s.apply(new KvCommand.Put("lock", "owner-1", 7));
        s.apply(new KvCommand.Put("free", "x", 0));
        assertEquals(List.of("lock"), List.copyOf(s.keysOfLease(7)));
        var revoked = (KvResult.LeaseRevokeResult) s.apply(new KvCommand.LeaseRevoke(7));
        assertEquals(1, revoked.deletedKeys());
        assertNull(s.get("lock"));
        assertEquals("x", s.get("free").value());
        var rejected = s.apply(new KvCommand.Put("k", "v", 7));
        assertEquals("etcdserver: requested lease not found", assertInstanceOf(KvResult.Rejected.class, rejected).error());
    }

    @Test
    void overwritingAKeyMovesItToTheNewLease() {
        KvStore s = new KvStore();
        s.apply(new KvCommand.LeaseGrant(1, 5));
        s.apply(new KvCommand.LeaseGrant(2, 5));
        s.apply(new KvCommand.Put("k", "a", 1));
        s.apply(new KvCommand.Put("k", "b", 2));
        assertTrue(s.keysOfLease(1).isEmpty());
        s.apply(new KvCommand.LeaseRevoke(1));
        assertEquals("b", s.get("k").value(), "revoking the old lease leaves the key alone");
    }

    @Test
    void onlyThePrimaryLessorExpiresLeasesAndPromotionRefreshesThem() {
        Lessor follower = new Lessor();
        follower.granted(1, 100, 0);
        assertEquals(List.of(), follower.expired(1_000));
        Lessor leader = new Lessor();
        leader.promote(0, 50, new java.util.TreeMap<>(java.util.Map.of(1L, 100L)));
        assertEquals(List.of(), leader.expired(149));
        assertEquals(List.of(1L), leader.expired(150));
        assertTrue(leader.keepAlive(1, 100, 140));
        assertEquals(List.of(), leader.expired(200));
        assertEquals(40, leader.remainingNanos(1, 200));
        leader.demote();
        assertEquals(List.of(), leader.expired(10_000));
    }
}
