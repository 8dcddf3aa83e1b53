package io.stormglass.raft.client;

/**
 * One client operation on one key, as recorded by the client: when it was invoked, when (and
 * whether) it completed, and what it returned.
 *
 * <p>Values are strings; {@code null} means "no value" (an absent key, or a read of one).
 *
 * @param id            unique id within the history
 * @param client        the client (process) that issued it; one client has at most one operation in flight
 * @param kind          what it did
 * @param key           the key
 * @param value         the value written (WRITE), or the value a READ returned
 * @param expected      the value a CAS compared against
 * @param casSucceeded  whether a completed CAS reported success
 * @param invokeNanos   invocation time
 * @param completeNanos completion time; {@link Long#MAX_VALUE} when the outcome is unknown
 * @param outcome       OK: completed with the result above; FAILED: certainly did not take effect;
 *                      UNKNOWN: timed out or crashed, may or may not have taken effect
 */
public record Operation(long id, int client, Kind kind, String key, String value, String expected,
        boolean casSucceeded, long invokeNanos, long completeNanos, Outcome outcome) {

    public enum Kind { READ, WRITE, CAS, DELETE }

    public enum Outcome { OK, FAILED, UNKNOWN }

    public Operation {
        if (outcome == Outcome.UNKNOWN) {
            completeNanos = Long.MAX_VALUE;
        }
        if (completeNanos < invokeNanos) {
            throw new IllegalArgumentException("operation " + id + " completes before it is invoked");
        }
    }

    public static Operation read(long id, int client, String key, String observed, long invoke, long complete) {
        return new Operation(id, client, Kind.READ, key, observed, null, false, invoke, complete, Outcome.OK);
    }

    public static Operation write(long id, int client, String key, String value, long invoke, long complete) {
        return new Operation(id, client, Kind.WRITE, key, value, null, false, invoke, complete, Outcome.OK);
    }

    public static Operation cas(long id, int client, String key, String expected, String value, boolean succeeded,
            long invoke, long complete) {
        return new Operation(id, client, Kind.CAS, key, value, expected, succeeded, invoke, complete, Outcome.OK);
    }

    public static Operation delete(long id, int client, String key, long invoke, long complete) {
        return new Operation(id, client, Kind.DELETE, key, null, null, false, invoke, complete, Outcome.OK);
    }

    /** This operation with an unknown outcome (timed out). */
    public Operation timedOut() {
        return new Operation(id, client, kind, key, value, expected, false, invokeNanos, Long.MAX_VALUE, Outcome.UNKNOWN);
    }

    /** Human-readable, as the witness prints it. */
    public String describe() {
        String what = switch (kind) {
            case READ -> "read " + key + (outcome == Outcome.OK ? " -> " + show(value) : "");
            case WRITE -> "write " + key + " := " + show(value);
            case CAS -> "cas " + key + " " + show(expected) + " -> " + show(value)
                    + (outcome == Outcome.OK ? (casSucceeded ? " (ok)" : " (failed)") : "");
            case DELETE -> "delete " + key;
        };
        String end = completeNanos == Long.MAX_VALUE ? "?" : String.valueOf(completeNanos);
        return "#" + id + " client " + client + " [" + invokeNanos + ", " + end + "] " + what
                + (outcome == Outcome.UNKNOWN ? " (outcome unknown)" : "");
    }

    private static String show(String v) {
        return v == null ? "nil" : "\"" + v + "\"";
    }
}
