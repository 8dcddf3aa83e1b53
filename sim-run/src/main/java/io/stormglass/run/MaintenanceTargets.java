package io.stormglass.run;

import io.stormglass.raft.server.Member;
import java.util.ArrayList;
import java.util.List;

/** The members an operator's maintenance call ({@code defrag}, {@code compact}, {@code alarm-disarm}) goes to. */
final class MaintenanceTargets {
    private MaintenanceTargets() {
    }

    /**
     * @param target  a member id, {@code leader}, {@code followers} or {@code all}
     * @param members the cluster's members in id order
     * @param leader  the member leading now, or null
     * @return the targets in id order (etcdctl's endpoint order); none for {@code leader} without a leader
     */
    static List<Member> resolve(String target, List<Member> members, Member leader) {
        List<Member> out = new ArrayList<>();
        for (Member m : members) {
            // no switch on a string: it hashes (forbidden-apis: identity-free hashing only)
            boolean chosen = "all".equals(target) || ("leader".equals(target) && m == leader)
                    || ("followers".equals(target) && m != leader) || String.valueOf(m.id()).equals(target);
            if (chosen) {
                out.add(m);
            }
        }
        return out;
    }
}
