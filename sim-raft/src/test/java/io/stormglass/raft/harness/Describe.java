package io.stormglass.raft.harness;

import io.stormglass.raft.ReadState;
import io.stormglass.raft.Ready;
import io.stormglass.raft.log.Bytes;
import io.stormglass.raft.log.ConfChanges;
import io.stormglass.raft.log.ConfState;
import io.stormglass.raft.log.Entry;
import io.stormglass.raft.log.EntryType;
import io.stormglass.raft.message.Message;
import io.stormglass.raft.message.MsgApp;
import io.stormglass.raft.message.MsgAppResp;
import io.stormglass.raft.message.MsgHeartbeat;
import io.stormglass.raft.message.MsgHeartbeatResp;
import io.stormglass.raft.message.MsgProp;
import io.stormglass.raft.message.MsgReadIndex;
import io.stormglass.raft.message.MsgReadIndexResp;
import io.stormglass.raft.message.MsgSnap;
import io.stormglass.raft.message.VoteRequest;
import io.stormglass.raft.message.VoteResponse;
import java.util.ArrayList;
import java.util.List;

/** Compact, stable text renderings of messages and Readys for golden files and failure reports. */
public final class Describe {
    private Describe() {
    }

    public static String entries(List<Entry> ents) {
        List<String> parts = new ArrayList<>();
        for (Entry e : ents) {
            parts.add(e.term() + "/" + e.index() + " " + (e.type().isConfChange() ? confChange(e) : Bytes.show(e.data())));
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** A configuration-change entry as etcd-io/raft prints it: {@code EntryConfChangeV2 v2 v3}. */
    static String confChange(Entry e) {
        String type = e.type() == EntryType.CONF_CHANGE ? "EntryConfChange " : "EntryConfChangeV2 ";
        return type + ConfChanges.decode(e);
    }

    /** A snapshot's configuration: the voters, then only what is not empty. */
    static String confState(ConfState cs) {
        StringBuilder sb = new StringBuilder(" Voters:").append(cs.voters());
        if (cs.isJoint()) {
            sb.append(" VotersOutgoing:").append(cs.votersOutgoing());
        }
        if (!cs.learners().isEmpty()) {
            sb.append(" Learners:").append(cs.learners());
        }
        if (!cs.learnersNext().isEmpty()) {
            sb.append(" LearnersNext:").append(cs.learnersNext());
        }
        return sb.append(cs.autoLeave() ? " AutoLeave" : "").toString();
    }

    public static String message(Message m) {
        StringBuilder sb = new StringBuilder().append(m.from()).append("->").append(m.to()).append(' ')
                .append(m.type()).append(" Term:").append(m.term());
        if (m instanceof MsgApp a) {
            sb.append(" Log:").append(a.logTerm()).append('/').append(a.index()).append(" Commit:").append(a.commit());
            if (!a.entries().isEmpty()) {
                sb.append(" Entries:").append(entries(a.entries()));
            }
        } else if (m instanceof MsgAppResp r) {
            sb.append(r.reject() ? " Rejected (Hint: " + r.rejectHint() + "/" + r.logTerm() + ") Index:" : " Index:")
                    .append(r.index());
        } else if (m instanceof VoteRequest v) {
            sb.append(" Log:").append(v.lastLogTerm()).append('/').append(v.lastLogIndex());
            if (v.transfer()) {
                sb.append(" Transfer");
            }
        } else if (m instanceof VoteResponse v) {
            sb.append(v.reject() ? " Rejected" : " Granted");
        } else if (m instanceof MsgHeartbeat h) {
            sb.append(" Commit:").append(h.commit());
            if (!h.context().isEmpty()) {
                sb.append(" Ctx:").append(h.context());
            }
        } else if (m instanceof MsgHeartbeatResp h) {
            if (!h.context().isEmpty()) {
                sb.append(" Ctx:").append(h.context());
            }
        } else if (m instanceof MsgProp p) {
            sb.append(" Entries:").append(entries(p.entries()));
        } else if (m instanceof MsgSnap s) {
            sb.append(" Snapshot: Index:").append(s.snapshot().index()).append(" Term:").append(s.snapshot().term())
                    .append(confState(s.snapshot().metadata().confState()));
        } else if (m instanceof MsgReadIndex r) {
            sb.append(" Ctx:").append(r.context());
        } else if (m instanceof MsgReadIndexResp r) {
            sb.append(" Index:").append(r.index()).append(" Ctx:").append(r.context());
        }
        return sb.toString();
    }

    /** One line per non-empty part of a Ready, indented. */
    public static List<String> ready(Ready rd) {
        List<String> out = new ArrayList<>();
        if (rd.softState() != null) {
            out.add("  Lead:" + rd.softState().leader() + " State:" + rd.softState().role());
        }
        if (rd.hardState() != null) {
            out.add("  HardState Term:" + rd.hardState().term() + " Vote:" + rd.hardState().vote() + " Commit:"
                    + rd.hardState().commit());
        }
        if (!rd.entries().isEmpty()) {
            out.add("  Entries: " + entries(rd.entries()));
        }
        if (rd.snapshot() != null) {
            out.add("  Snapshot: Index:" + rd.snapshot().index() + " Term:" + rd.snapshot().term());
        }
        if (!rd.committedEntries().isEmpty()) {
            out.add("  CommittedEntries: " + entries(rd.committedEntries()));
        }
        for (Message m : rd.messages()) {
            out.add("  send " + message(m));
        }
        for (Message m : rd.messagesAfterPersist()) {
            out.add("  send after persist " + message(m));
        }
        for (ReadState rs : rd.readStates()) {
            out.add("  ReadState Index:" + rs.index() + " Ctx:" + rs.requestContext());
        }
        return out;
    }

    /** One status line (plus leader progress lines) for a member. */
    public static String status(SimNode n) {
        if (!n.up) {
            return n.id + ": DOWN";
        }
        var st = n.node.status();
        var log = n.node.core().log();
        StringBuilder sb = new StringBuilder().append(n.id).append(": ").append(st.softState().role())
                .append(" term=").append(st.hardState().term()).append(" vote=").append(st.hardState().vote())
                .append(" lead=").append(st.softState().leader()).append(" commit=").append(st.hardState().commit())
                .append(" applied=").append(st.applied()).append(" last=").append(log.lastIndex());
        if (log.firstIndex() > 1) {
            sb.append(" first=").append(log.firstIndex());
        }
        st.progress().forEach((peer, p) -> sb.append("\n   ").append(peer).append(": ").append(p));
        return sb.toString();
    }

    /** A member's whole log (from its first index). */
    public static String log(SimNode n) {
        if (!n.up) {
            return n.id + ": DOWN";
        }
        return n.id + ": " + entries(n.node.core().log().allEntries());
    }
}
