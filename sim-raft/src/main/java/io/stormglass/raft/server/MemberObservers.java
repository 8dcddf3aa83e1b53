package io.stormglass.raft.server;

import io.stormglass.raft.StateRole;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.Message;
import java.util.List;

/** Combinations of {@link MemberObserver}s. */
public final class MemberObservers {
    private MemberObservers() {
    }

    /**
     * An observer that passes every call to {@code first} and then to {@code second}; either may be
     * {@link MemberObserver#NONE} (then the other is returned as it is).
     */
    public static MemberObserver both(MemberObserver first, MemberObserver second) {
        if (second == MemberObserver.NONE) {
            return first;
        }
        if (first == MemberObserver.NONE) {
            return second;
        }
        return new Both(first, second);
    }

    /** Forwards every method of the interface: a method left out here would silently go unheard. */
    private record Both(MemberObserver first, MemberObserver second) implements MemberObserver {
        @Override
        public void persisting(int member, HardState hardState, List<Entry> entries) {
            first.persisting(member, hardState, entries);
            second.persisting(member, hardState, entries);
        }

        @Override
        public void persisted(int member, HardState hardState, List<Entry> entries) {
            first.persisted(member, hardState, entries);
            second.persisted(member, hardState, entries);
        }

        @Override
        public void recovered(int member, long snapshotIndex, long snapshotTerm, HardState hardState, List<Entry> entries) {
            first.recovered(member, snapshotIndex, snapshotTerm, hardState, entries);
            second.recovered(member, snapshotIndex, snapshotTerm, hardState, entries);
        }

        @Override
        public void installedSnapshot(int member, long index, long term) {
            first.installedSnapshot(member, index, term);
            second.installedSnapshot(member, index, term);
        }

        @Override
        public void applied(int member, Entry entry) {
            first.applied(member, entry);
            second.applied(member, entry);
        }

        @Override
        public void configurationApplied(int member, long index, ConfState confState) {
            first.configurationApplied(member, index, confState);
            second.configurationApplied(member, index, confState);
        }

        @Override
        public void restoredSnapshot(int member, long index, long term) {
            first.restoredSnapshot(member, index, term);
            second.restoredSnapshot(member, index, term);
        }

        @Override
        public void softStateChanged(int member, long term, long leader, StateRole role) {
            first.softStateChanged(member, term, leader, role);
            second.softStateChanged(member, term, leader, role);
        }

        @Override
        public void leaderKnown(int member, long term, long leader) {
            first.leaderKnown(member, term, leader);
            second.leaderKnown(member, term, leader);
        }

        @Override
        public void walSynced(int member, long startNanos, long endNanos) {
            first.walSynced(member, startNanos, endNanos);
            second.walSynced(member, startNanos, endNanos);
        }

        @Override
        public void backendCommitted(int member, long startNanos, long endNanos) {
            first.backendCommitted(member, startNanos, endNanos);
            second.backendCommitted(member, startNanos, endNanos);
        }

        @Override
        public void sent(int member, Message msg) {
            first.sent(member, msg);
            second.sent(member, msg);
        }

        @Override
        public void stepped(int member, Message msg) {
            first.stepped(member, msg);
            second.stepped(member, msg);
        }

        @Override
        public void requestStage(int member, long requestId, RequestStage stage) {
            first.requestStage(member, requestId, stage);
            second.requestStage(member, requestId, stage);
        }
    }
}
