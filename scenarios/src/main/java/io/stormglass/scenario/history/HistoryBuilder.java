package io.stormglass.scenario.history;

import io.stormglass.raft.client.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs invocations with completions per process, as both history formats record them, and
 * turns each pair into an {@link Operation}. An invocation never completed (the history ended,
 * or the process crashed) has an unknown outcome.
 */
final class HistoryBuilder {
    /** A pending invocation. */
    private record Invoke(long time, Operation.Kind kind, String key, String value, String expected, String where) {
    }

    private final String file;
    private final Map<Integer, Invoke> pending = new TreeMap<>();
    private final List<Operation> ops = new ArrayList<>();
    private long nextId = 1;

    HistoryBuilder(String file) {
        this.file = file;
    }

    void invoke(int process, long time, Operation.Kind kind, String key, String value, String expected, String where) {
        if (pending.containsKey(process)) {
            throw new HistoryFormatException(where + ": process " + process + " invokes again before its "
                    + pending.get(process).kind().name().toLowerCase(java.util.Locale.ROOT) + " at "
                    + pending.get(process).where() + " completed");
        }
        pending.put(process, new Invoke(time, kind, key, value, expected, where));
    }

    /**
     * Completes the process's pending operation.
     *
     * @param outcome      OK, FAILED or UNKNOWN
     * @param readValue    for an OK read: the value seen (null for none)
     * @param casSucceeded for an OK CAS: whether it took effect
     */
    void complete(int process, long time, Operation.Outcome outcome, String readValue, boolean casSucceeded, String where) {
        Invoke inv = pending.remove(process);
        if (inv == null) {
            throw new HistoryFormatException(where + ": process " + process + " completes an operation it never invoked");
        }
        if (time < inv.time()) {
            throw new HistoryFormatException(where + ": completion before its invocation");
        }
        String value = inv.kind() == Operation.Kind.READ ? readValue : inv.value();
        ops.add(new Operation(nextId++, process, inv.kind(), inv.key(), value, inv.expected(),
                inv.kind() == Operation.Kind.CAS && casSucceeded, inv.time(), time, outcome));
    }

    List<Operation> build() {
        for (Map.Entry<Integer, Invoke> e : pending.entrySet()) {
            Invoke inv = e.getValue();
            ops.add(new Operation(nextId++, e.getKey(), inv.kind(), inv.key(), inv.value(), inv.expected(), false,
                    inv.time(), Long.MAX_VALUE, Operation.Outcome.UNKNOWN));
        }
        pending.clear();
        if (ops.isEmpty()) {
            throw new HistoryFormatException(file + ": no operations found");
        }
        return ops;
    }
}
