package io.stormglass.raft.server;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.message.Message;
import java.util.List;

/**
 * Sees what a member does to its durable state and state machine, for safety checkers that stand
 * outside the code they check. Calls happen on the simulation loop at the instant the member
 * does the thing; they must not change the simulation.
 */
public interface MemberObserver {
    /**
     * The WAL write of one Ready is being issued: {@code entries} (which replace any suffix of the log
     * from their first index on) and {@code hardState} (null if unchanged). Until the matching
     * {@link #persisted} call, a crash may keep all, part or none of it (what reaches the page cache
     * survives a process crash; a power loss keeps only what was synced), so a checker must accept
     * either on {@link #recovered}.
     */
    default void persisting(int member, HardState hardState, List<Entry> entries) {
    }

    /**
     * The WAL write of one Ready completed: {@code entries} (which replace any suffix of the log from
     * their first index on) and {@code hardState} (null if unchanged) are on disk; they are synced
     * unless only the commit index changed (etcd's {@code mustSync} is false then). Called before
     * the messages that acknowledge them are sent.
     */
    default void persisted(int member, HardState hardState, List<Entry> entries) {
    }

    /**
     * The member booted from its disks: what recovery returned, before anything is applied.
     * {@code snapshotIndex}/{@code snapshotTerm} are 0 without a snapshot; {@code entries} are the
     * WAL's entries after the snapshot, in index order. A checker compares this with what was
     * reported {@link #persisted} before the crash: every synced record must come back.
     */
    default void recovered(int member, long snapshotIndex, long snapshotTerm, HardState hardState, List<Entry> entries) {
    }

    /**
     * A snapshot received from the leader (InstallSnapshot, §7) became durable (snapshot file and WAL
     * marker written): the member's log now starts after {@code index}, whose entry has {@code term},
     * and the entries it held before are discarded. Called before the {@link #persisted} call of the
     * same Ready.
     */
    default void installedSnapshot(int member, long index, long term) {
    }

    /** The member applied {@code entry} to its state machine. */
    default void applied(int member, Entry entry) {
    }

    /**
     * The configuration {@code confState} took effect on the member when it applied the configuration
     * change at {@code index} (or restored a snapshot up to {@code index} that carries it).
     */
    default void configurationApplied(int member, long index, io.stormglass.raft.log.ConfState confState) {
    }

    /** The member restored its state machine from a snapshot covering up to {@code index}. */
    default void restoredSnapshot(int member, long index, long term) {
    }

    /** The member's role or known leader changed. */
    default void softStateChanged(int member, long term, long leader, io.stormglass.raft.StateRole role) {
    }

    /**
     * The leader the member's Raft core knows changed to {@code leader} ({@code 0}: none) at {@code term},
     * at the instant the core stepped the message (or tick) that changed it: for a follower, the arrival
     * of the new leader's first append or heartbeat. {@link #softStateChanged} hears the same change
     * later, when the raft loop takes the Ready that carries it.
     */
    default void leaderKnown(int member, long term, long leader) {
    }

    /**
     * One WAL fdatasync of the member ran from {@code startNanos} to {@code endNanos} (virtual time; the
     * duration etcd records in {@code etcd_disk_wal_fsync_duration_seconds}). The raft loop waited in it.
     */
    default void walSynced(int member, long startNanos, long endNanos) {
    }

    /** One backend (bbolt) commit of the member ran from {@code startNanos} to {@code endNanos}, on its backend thread. */
    default void backendCommitted(int member, long startNanos, long endNanos) {
    }

    /** The member's raft loop handed {@code msg} to the transport now (heartbeats, appends, votes). */
    default void sent(int member, Message msg) {
    }

    /** The member's node loop stepped {@code msg} into its Raft core now (a candidate hears its votes here). */
    default void stepped(int member, Message msg) {
    }

    /** A client request received by this member reached {@code stage} now ({@link RequestStage}). */
    default void requestStage(int member, long requestId, RequestStage stage) {
    }

    MemberObserver NONE = new MemberObserver() {
    };
}
