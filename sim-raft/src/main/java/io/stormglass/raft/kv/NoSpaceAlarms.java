package io.stormglass.raft.kv;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * etcd's alarm bucket for {@code NOSPACE} and the capped applier it switches on
 * (server/etcdserver/apply/capped.go): while any member's alarm is raised, puts, transactions
 * that write and lease grants are refused; deletes, compactions and reads still go through.
 */
final class NoSpaceAlarms {
    private final SortedSet<Integer> members = new TreeSet<>();

    /** Raises or disarms as {@code a} says (member 0 disarms all); returns the members alarmed after. */
    List<Integer> apply(KvCommand.Alarm a) {
        if (a.activate()) {
            members.add(a.memberId());
        } else if (a.memberId() == 0) {
            members.clear();
        } else {
            members.remove(a.memberId());
        }
        return List.copyOf(members);
    }

    /** Whether {@code command} is refused now. */
    boolean refuses(KvCommand command) {
        if (members.isEmpty()) {
            return false;
        }
        if (command instanceof KvCommand.Txn t) {
            return !t.success().isEmpty() || !t.failure().isEmpty();
        }
        return command instanceof KvCommand.Put || command instanceof KvCommand.LeaseGrant;
    }

    SortedSet<Integer> members() {
        return Collections.unmodifiableSortedSet(members);
    }

    void restore(List<Integer> alarmed) {
        members.clear();
        members.addAll(alarmed);
    }
}
