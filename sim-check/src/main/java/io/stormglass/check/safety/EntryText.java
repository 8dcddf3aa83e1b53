package io.stormglass.check.safety;

import io.stormglass.raft.kv.KvCodec;
import io.stormglass.raft.kv.KvCommand;
import io.stormglass.raft.log.Entry;

/** Entries as a person reads them in a violation: {@code term/index} and the decoded KV command. */
final class EntryText {
    private EntryText() {
    }

    static String of(Entry e) {
        if (e == null) {
            return "nothing";
        }
        String at = e.term() + "/" + e.index();
        if (e.data().length == 0) {
            return at + " (no-op)";
        }
        try {
            KvCodec.Proposal p = KvCodec.decodeProposal(e.data());
            return at + " " + command(p.command()) + " (request " + Long.toHexString(p.requestId()) + ")";
        } catch (RuntimeException notKv) {
            return e.toString();
        }
    }

    /** A value, quoted, its first {@value #VALUE_CHARS} characters when longer (values may be KiB of padding). */
    static String value(String v) {
        return "\"" + (v.length() <= VALUE_CHARS ? v : v.substring(0, VALUE_CHARS) + "…") + "\"";
    }

    private static final int VALUE_CHARS = 24;

    private static String command(KvCommand c) {
        if (c instanceof KvCommand.Put p) {
            return "put " + p.key() + "=" + p.value();
        }
        if (c instanceof KvCommand.Txn t) {
            StringBuilder b = new StringBuilder("txn if ").append(t.compares().size()).append(" compare(s) then [");
            for (int i = 0; i < t.success().size(); i++) {
                b.append(i == 0 ? "" : ", ").append(command(t.success().get(i)));
            }
            return b.append(']').toString();
        }
        if (c instanceof KvCommand.Delete d) {
            return "delete " + d.key();
        }
        return c.toString();
    }
}
