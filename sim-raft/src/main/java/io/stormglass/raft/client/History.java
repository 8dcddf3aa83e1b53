package io.stormglass.raft.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The client-side history of a run: every register operation as an invoke/complete pair with its
 * outcome, ready for the linearizability checker. Bounded: beyond {@code maxOperations} further
 * operations are counted but not kept.
 */
public final class History {
    private final int maxOperations;
    private final List<Operation> operations = new ArrayList<>();
    private long nextId = 1;
    private long dropped;

    public History(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    long nextId() {
        return nextId++;
    }

    void add(Operation op) {
        if (operations.size() < maxOperations) {
            operations.add(op);
        } else {
            dropped++;
        }
    }

    public List<Operation> operations() {
        return Collections.unmodifiableList(operations);
    }

    /** Operations not kept because the bound was reached. */
    public long droppedOperations() {
        return dropped;
    }
}
