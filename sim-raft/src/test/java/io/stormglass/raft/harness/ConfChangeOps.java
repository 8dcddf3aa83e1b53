package io.stormglass.raft.harness;

import io.stormglass.raft.log.ConfChangeSingle;
import io.stormglass.raft.log.ConfChangeType;
import java.util.ArrayList;
import java.util.List;

/**
 * etcd-io/raft's short form of configuration changes in scripts: {@code v2} makes 2 a voter, {@code l2}
 * a learner, {@code r2} removes it, {@code u2} updates it.
 */
public final class ConfChangeOps {
    private ConfChangeOps() {
    }

    public static List<ConfChangeSingle> parse(List<String> tokens) {
        List<ConfChangeSingle> out = new ArrayList<>();
        for (String t : tokens) {
            if (t.length() < 2) {
                throw new IllegalArgumentException("unknown token " + t);
            }
            ConfChangeType type = switch (t.charAt(0)) {
                case 'v' -> ConfChangeType.ADD_NODE;
                case 'l' -> ConfChangeType.ADD_LEARNER_NODE;
                case 'r' -> ConfChangeType.REMOVE_NODE;
                case 'u' -> ConfChangeType.UPDATE_NODE;
                default -> throw new IllegalArgumentException("unknown token " + t);
            };
            out.add(new ConfChangeSingle(type, Long.parseLong(t.substring(1))));
        }
        return out;
    }
}
