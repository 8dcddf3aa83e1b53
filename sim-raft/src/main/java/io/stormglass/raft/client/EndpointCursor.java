package io.stormglass.raft.client;

import java.util.List;

/**
 * Which of a client's endpoints its next attempt goes to (clientv3's balancer): one endpoint until
 * it is left (no answer, or a retryable error), or each in turn when rotating per request (the
 * round-robin balancer of etcd 3.4 and later). The endpoints are those the connection started with
 * until {@link #replace} swaps them (clientv3's {@code SetEndpoints}, what its auto-sync calls with
 * the cluster's member list).
 */
final class EndpointCursor {
    private final int first;
    private List<Integer> endpoints;
    private int index;
    private boolean rotate;

    /** Starts at the endpoint at {@code first mod size} (a client's node id spreads connections over the members). */
    EndpointCursor(List<Integer> endpoints, int first) {
        this.first = first;
        this.endpoints = List.copyOf(endpoints);
        this.index = Math.floorMod(first, endpoints.size());
    }

    List<Integer> list() {
        return endpoints;
    }

    /**
     * clientv3's {@code SetEndpoints}: the endpoints become {@code updated} (not empty); the cursor stays on
     * its current endpoint if that is still one, else starts again at {@code first mod size}.
     */
    void replace(List<Integer> updated) {
        if (updated.isEmpty()) {
            throw new IllegalArgumentException("a client needs endpoints");
        }
        int keep = updated.indexOf(current());
        endpoints = List.copyOf(updated);
        index = keep >= 0 ? keep : Math.floorMod(first, endpoints.size());
    }

    /** The next attempts go to {@code member} first; false if it is not an endpoint. */
    boolean startAt(int member) {
        int i = endpoints.indexOf(member);
        if (i >= 0) {
            index = i;
        }
        return i >= 0;
    }

    void rotatePerRequest(boolean rotatePerRequest) {
        this.rotate = rotatePerRequest;
    }

    int current() {
        return endpoints.get(index);
    }

    /** The endpoint of a new attempt; when rotating, the cursor moves on. */
    int forAttempt() {
        int endpoint = current();
        if (rotate) {
            next();
        }
        return endpoint;
    }

    /** Leaves {@code endpoint} if the cursor is still on it. */
    void leave(int endpoint) {
        if (current() == endpoint) {
            next();
        }
    }

    void next() {
        index = (index + 1) % endpoints.size();
    }
}
