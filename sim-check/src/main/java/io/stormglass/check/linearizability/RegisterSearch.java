package io.stormglass.check.linearizability;

import io.stormglass.raft.client.Operation;
import java.util.ArrayList;
import io.stormglass.engine.event.Hashing;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Wing &amp; Gong's search with Lowe's memoisation, for the operations on one key.
 *
 * <p>Invocations and completions form a doubly linked list in time order. The search walks it,
 * tentatively linearizing an invoked operation when the model allows it (and the pair
 * (linearized set, state) has not been explored before), and backtracks when it meets the
 * completion of an operation it has not linearized: that operation must have taken effect
 * before anything invoked later. Operations with unknown outcome complete at infinity, so they
 * may take effect at any point after their invocation, or (being last) effectively never.
 */
final class RegisterSearch {
    /** How often, in steps, the budget is consulted. */
    private static final int BUDGET_INTERVAL = 1024;

    enum Verdict { LINEARIZABLE, NOT_LINEARIZABLE, UNKNOWN }

    /** A node of the event list: an invocation or a completion. */
    private static final class Node {
        final int op;
        final boolean isCall;
        final long time;
        Node match;
        Node prev;
        Node next;

        Node(int op, boolean isCall, long time) {
            this.op = op;
            this.isCall = isCall;
            this.time = time;
        }
    }

    /**
     * A explored configuration: the linearized set as a 128-bit Zobrist hash (the XOR of a random
     * pair of words per operation, updated in O(1) as operations are linearized and undone) and the
     * register state. Storing hashes instead of bit sets keeps memory linear in the number of
     * configurations; a false match needs a 128-bit collision.
     */
    private record Explored(long hashHigh, long hashLow, String state) {
    }

    private final List<Operation> ops;
    private final Budget budget;
    private long steps;
    private int[] longestPrefix = new int[0];

    RegisterSearch(List<Operation> ops, Budget budget, long stepsAlready) {
        this.ops = ops;
        this.budget = budget;
        this.steps = stepsAlready;
    }

    long steps() {
        return steps;
    }

    /** The deepest partial linearization seen, as indices into the operation list. */
    List<Operation> longestPrefix() {
        List<Operation> out = new ArrayList<>(longestPrefix.length);
        for (int i : longestPrefix) {
            out.add(ops.get(i));
        }
        return out;
    }

    Verdict run() {
        Node head = buildList();
        long hashHigh = 0;
        long hashLow = 0;
        Set<Explored> cache = new HashSet<>();
        Node[] stackNode = new Node[ops.size()];
        String[] stackState = new String[ops.size()];
        int depth = 0;
        String state = null;
        Node entry = head.next;
        while (head.next != null) {
            if (++steps % BUDGET_INTERVAL == 0 && budget.exhausted(steps)) {
                return Verdict.UNKNOWN;
            }
            if (entry == null) {
                // every remaining node was tried: only completions of unlinearized ops remain
                return Verdict.NOT_LINEARIZABLE;
            }
            if (entry.isCall) {
                RegisterModel.Step step = RegisterModel.step(state, ops.get(entry.op));
                if (step.legal()) {
                    long nextHigh = hashHigh ^ zobristHigh(entry.op);
                    long nextLow = hashLow ^ zobristLow(entry.op);
                    if (cache.add(new Explored(nextHigh, nextLow, step.state()))) {
                        stackNode[depth] = entry;
                        stackState[depth] = state;
                        depth++;
                        recordDepth(stackNode, depth);
                        hashHigh = nextHigh;
                        hashLow = nextLow;
                        state = step.state();
                        lift(entry);
                        entry = head.next;
                        continue;
                    }
                }
                entry = entry.next;
            } else {
                if (depth == 0) {
                    return Verdict.NOT_LINEARIZABLE;
                }
                depth--;
                Node popped = stackNode[depth];
                state = stackState[depth];
                hashHigh ^= zobristHigh(popped.op);
                hashLow ^= zobristLow(popped.op);
                unlift(popped);
                entry = popped.next;
            }
        }
        return Verdict.LINEARIZABLE;
    }

    private static long zobristHigh(int op) {
        return Hashing.mix64(op * 0x9e3779b97f4a7c15L + 0x632be59bd9b4e019L);
    }

    private static long zobristLow(int op) {
        return Hashing.mix64(op * 0xc2b2ae3d27d4eb4fL + 0x165667b19e3779f9L);
    }

    private void recordDepth(Node[] stack, int depth) {
        if (depth > longestPrefix.length) {
            longestPrefix = new int[depth];
            for (int i = 0; i < depth; i++) {
                longestPrefix[i] = stack[i].op;
            }
        }
    }

    /** A sentinel head followed by calls and returns in time order (calls first on ties). */
    private Node buildList() {
        List<Node> nodes = new ArrayList<>(ops.size() * 2);
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            Node call = new Node(i, true, op.invokeNanos());
            Node ret = new Node(i, false, op.completeNanos());
            call.match = ret;
            ret.match = call;
            nodes.add(call);
            nodes.add(ret);
        }
        nodes.sort((a, b) -> {
            int c = Long.compare(a.time, b.time);
            if (c != 0) {
                return c;
            }
            if (a.isCall != b.isCall) {
                return a.isCall ? -1 : 1;
            }
            return Integer.compare(a.op, b.op);
        });
        Node head = new Node(-1, false, Long.MIN_VALUE);
        Node prev = head;
        for (Node n : nodes) {
            prev.next = n;
            n.prev = prev;
            prev = n;
        }
        return head;
    }

    /** Removes a call and its completion from the list. */
    private static void lift(Node call) {
        call.prev.next = call.next;
        if (call.next != null) {
            call.next.prev = call.prev;
        }
        Node ret = call.match;
        ret.prev.next = ret.next;
        if (ret.next != null) {
            ret.next.prev = ret.prev;
        }
    }

    /** Puts back what {@link #lift} removed (in reverse order, so the links are restored). */
    private static void unlift(Node call) {
        Node ret = call.match;
        ret.prev.next = ret;
        if (ret.next != null) {
            ret.next.prev = ret;
        }
        call.prev.next = call;
        if (call.next != null) {
            call.next.prev = call;
        }
    }
}
