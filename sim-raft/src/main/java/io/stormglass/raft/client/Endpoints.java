package io.stormglass.raft.client;

import java.util.List;

/**
 * A connection's endpoints and the one its next request goes to: clientv3's {@code Endpoints}, which it
 * starts with and which {@link #replace} swaps (clientv3's {@code SetEndpoints}, what its auto-sync calls
 * with the cluster's member list). A connection sticks to one endpoint and moves to the next when an
 * attempt goes unanswered or fails over; with {@code rotatePerRequest} every request goes to the next in
 * turn (clientv3's round-robin balancer since etcd 3.4).
 */
final class Endpoints {
    private final int nodeId;
    private List<Integer> members;
    private int index;
    private boolean rotatePerRequest;

    /** @param nodeId the connection's own node id: the first endpoint is the one at {@code nodeId mod size} */
    Endpoints(int nodeId, List<Integer> members) {
        this.nodeId = nodeId;
        this.members = List.copyOf(members);
        this.index = Math.floorMod(nodeId, members.size());
    }

    List<Integer> list() {
        return members;
    }

    /** The endpoint the next request goes to. */
    int current() {
        return members.get(index);
    }

    /** Sends the next requests to {@code member}, which must be an endpoint. */
    void startAt(int member) {
        int i = members.indexOf(member);
        if (i < 0) {
            throw new IllegalArgumentException("member " + member + " is not an endpoint of client " + nodeId);
        }
        index = i;
    }

    void rotatePerRequest(boolean rotate) {
        this.rotatePerRequest = rotate;
    }

    /** The endpoint for a request about to leave; with round robin, the one after it is next. */
    int forRequest() {
        int endpoint = current();
        if (rotatePerRequest) {
            next();
        }
        return endpoint;
    }

    /** Moves on to the next endpoint (the current one failed or did not answer). */
    void next() {
        index = (index + 1) % members.size();
    }

    /**
     * clientv3's {@code SetEndpoints}: the connection's endpoints become {@code updated} (not empty); it keeps
     * talking to its current endpoint if that is still one, else starts again at {@code nodeId mod size}.
     */
    void replace(List<Integer> updated) {
        if (updated.isEmpty()) {
            throw new IllegalArgumentException("a client needs endpoints");
        }
        int keep = updated.indexOf(current());
        members = List.copyOf(updated);
        index = keep >= 0 ? keep : Math.floorMod(nodeId, members.size());
    }
}
