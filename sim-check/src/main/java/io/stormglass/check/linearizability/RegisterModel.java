package io.stormglass.check.linearizability;

import io.stormglass.raft.client.Operation;
import java.util.Objects;

/**
 * The sequential specification of one key: a register holding a value or nothing, with read,
 * write, compare-and-set and delete. An operation whose outcome is unknown is allowed to have
 * failed: an unknown CAS whose comparison does not hold leaves the register unchanged.
 */
final class RegisterModel {
    /** Result of stepping: whether the operation is legal here, and the state after it. */
    record Step(boolean legal, String state) {
    }

    private static final Step ILLEGAL = new Step(false, null);

    private RegisterModel() {
    }

    static Step step(String state, Operation op) {
        boolean known = op.outcome() == Operation.Outcome.OK;
        return switch (op.kind()) {
            case READ -> Objects.equals(state, op.value()) ? new Step(true, state) : ILLEGAL;
            case WRITE -> new Step(true, op.value());
            case DELETE -> new Step(true, null);
            case CAS -> {
                boolean matches = Objects.equals(state, op.expected());
                if (!known) {
                    yield new Step(true, matches ? op.value() : state);
                }
                if (op.casSucceeded()) {
                    yield matches ? new Step(true, op.value()) : ILLEGAL;
                }
                yield matches ? ILLEGAL : new Step(true, state);
            }
        };
    }
}
