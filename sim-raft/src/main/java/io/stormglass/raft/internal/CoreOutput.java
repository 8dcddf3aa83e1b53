package io.stormglass.raft.internal;

import io.stormglass.raft.ReadState;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.VoteResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * What a core produced since the application last took it: messages to send at once, messages that
 * acknowledge state and so wait until that state is persisted (§5.1: a vote or an append is
 * acknowledged only once durable), and read states. Each list comes out in the order it was added.
 */
public final class CoreOutput {
    private final List<Message> msgs = new ArrayList<>();
    private final List<Message> msgsAfterAppend = new ArrayList<>();
    private final List<ReadState> readStates = new ArrayList<>();

    /** Queues an outgoing message; acknowledgements of unpersisted state wait for persistence (§5.1). */
    void send(Message m) {
        if (m instanceof MsgAppResp || m instanceof VoteResponse) {
            msgsAfterAppend.add(m);
        } else {
            msgs.add(m);
        }
    }

    void addReadState(ReadState rs) {
        readStates.add(rs);
    }

    /** The messages that may leave now, emptied. */
    public List<Message> takeMessages() {
        return drain(msgs);
    }

    /** The messages that may leave once the Ready's state is persisted, emptied. */
    public List<Message> takeMessagesAfterAppend() {
        return drain(msgsAfterAppend);
    }

    public boolean hasMessages() {
        return !msgs.isEmpty() || !msgsAfterAppend.isEmpty();
    }

    /** The read states produced, emptied. */
    public List<ReadState> takeReadStates() {
        return drain(readStates);
    }

    public boolean hasReadStates() {
        return !readStates.isEmpty();
    }

    private static <T> List<T> drain(List<T> list) {
        if (list.isEmpty()) {
            return List.of(); // most Readies have no read states and many no messages: no copy for them
        }
        List<T> out = List.copyOf(list);
        list.clear();
        return out;
    }
}
