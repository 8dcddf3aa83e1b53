package io.stormglass.raft;

import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Snapshot;
import io.stormglass.raft.message.Message;
import java.util.List;

/**
 * Everything the core asks the application to do, obtained from {@link RawNode#ready()}. The
 * application performs these duties, in this order, then calls {@link RawNode#advance(Ready)}:
 *
 * <ol>
 *   <li><b>Persist</b> {@code snapshot} (if present), then {@code entries} and {@code hardState} (if
 *       present) to stable storage; when {@code mustSync} is true the write must be made durable
 *       (fdatasync) before continuing, because a term, vote or log entry is about to be acknowledged.
 *   <li><b>Send</b> {@code messagesAfterPersist}, which acknowledge the state just persisted (append
 *       responses, votes: §5.1 "respond after updating stable storage"). {@code messages} carry no
 *       such promise and may be sent before or while persisting: the leader does so to overlap its
 *       own disk write with replication (thesis §10.2.1), as etcd's server does. The core stays safe
 *       either way because the leader counts its own log toward a commit quorum only after
 *       {@code advance} reports it persisted. If a {@code MsgSnap} is sent, report the outcome with
 *       {@link RawNode#reportSnapshot}.
 *   <li><b>Apply</b> {@code committedEntries} to the state machine, in order; for a configuration
 *       change ({@code CONF_CHANGE}, {@code CONF_CHANGE_V2}) call {@link RawNode#applyConfChange} and keep
 *       the {@code ConfState} it returns for the next snapshot (the change takes effect only then, thesis
 *       §4 as etcd-io/raft does it); an empty {@code NORMAL} entry carries nothing (a new leader's, or a
 *       refused change). Serve the reads in {@code readStates} once their index is applied.
 *   <li><b>Advance</b>: call {@link RawNode#advance(Ready)} with this Ready. No new Ready is offered
 *       before that.
 * </ol>
 *
 * @param softState           new volatile state, or null if unchanged
 * @param hardState           new hard state to persist, or null if unchanged
 * @param entries             entries to append to stable storage (may overwrite a conflicting suffix)
 * @param snapshot            snapshot to persist, or null
 * @param committedEntries    entries to apply, in index order
 * @param messages            messages that may be sent at once
 * @param messagesAfterPersist messages to send only after this Ready is persisted
 * @param readStates          answered read requests
 * @param mustSync            whether the write must be synced to disk
 */
public record Ready(
        SoftState softState,
        HardState hardState,
        List<Entry> entries,
        Snapshot snapshot,
        List<Entry> committedEntries,
        List<Message> messages,
        List<Message> messagesAfterPersist,
        List<ReadState> readStates,
        boolean mustSync) {
    public Ready {
        entries = List.copyOf(entries);
        committedEntries = List.copyOf(committedEntries);
        messages = List.copyOf(messages);
        messagesAfterPersist = List.copyOf(messagesAfterPersist);
        readStates = List.copyOf(readStates);
    }

    /** All outgoing messages in the order to send them when sending after persisting. */
    public List<Message> allMessages() {
        if (messagesAfterPersist.isEmpty()) {
            return messages;
        }
        return java.util.stream.Stream.concat(messages.stream(), messagesAfterPersist.stream()).toList();
    }
}
