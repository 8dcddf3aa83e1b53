package io.stormglass.run;

import io.stormglass.raft.client.KvClient;
import io.stormglass.scenario.model.WorkloadSpec;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Points each connection of the load at its member when the load starts ({@code workload.endpoints}).
 * {@code leader} and {@code follower} are decided then, as etcd's benchmark asks the cluster for its
 * leader once at start; without a leader at that moment the connections fall back to round robin.
 */
final class EndpointPlan {
    private EndpointPlan() {
    }

    /**
     * @param members the member ids in order
     * @param leader  the member leading now, or 0
     */
    static void apply(WorkloadSpec.Endpoints policy, List<KvClient> connections, List<Integer> members, IntSupplier leader) {
        int lead = leader.getAsInt();
        for (int i = 0; i < connections.size(); i++) {
            KvClient c = connections.get(i);
            int roundRobin = members.get(i % members.size());
            int member = roundRobin;
            if (policy instanceof WorkloadSpec.Endpoints.Leader && lead != 0) {
                member = lead;
            } else if (policy instanceof WorkloadSpec.Endpoints.Follower && lead != 0) {
                member = members.stream().filter(m -> m != lead).findFirst().orElse(roundRobin);
            } else if (policy instanceof WorkloadSpec.Endpoints.Fixed f) {
                member = f.member();
            }
            c.startAt(member);
            c.rotatePerRequest(policy instanceof WorkloadSpec.Endpoints.All);
        }
    }
}
