package io.stormglass.scenario.history;

import io.stormglass.raft.client.Operation;
import io.stormglass.scenario.yaml.Location;
import io.stormglass.scenario.yaml.ScenarioException;
import io.stormglass.scenario.yaml.ScenarioProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pairs invocations with completions per process, as both history formats record them, and
 * turns each pair into an {@link Operation}. An invocation never completed (the history ended,
 * or the process crashed) has an unknown outcome. A process that invokes twice, completes what
 * it never invoked, completes another kind of operation than it invoked, or completes before it
 * invoked is a mistake in the file, reported at the line that shows it.
 */
final class HistoryBuilder {
    /** The latest time a history may name: {@link Long#MAX_VALUE} stands for "never completed". */
    static final long MAX_TIME_NANOS = Long.MAX_VALUE - 1;

    /** A pending invocation. */
    private record Invoke(long time, Operation.Kind kind, String key, String value, String expected, int line) {
    }

    private final String file;
    private final Map<Integer, Invoke> pending = new TreeMap<>();
    private final List<Operation> ops = new ArrayList<>();
    private long nextId = 1;

    HistoryBuilder(String file) {
        this.file = file;
    }

    void invoke(int process, long time, Operation.Kind kind, String key, String value, String expected, int line) {
        Invoke earlier = pending.get(process);
        if (earlier != null) {
            throw problem(line, "", "process " + process + " invokes again before its " + name(earlier.kind()) + " (line "
                    + earlier.line() + ") completed");
        }
        pending.put(process, new Invoke(time, kind, key, value, expected, line));
    }

    /**
     * Completes the process's pending operation.
     *
     * @param kind         what the completion says it completes
     * @param outcome      OK, FAILED or UNKNOWN
     * @param readValue    for an OK read: the value seen (null for none)
     * @param casSucceeded for an OK CAS: whether it took effect
     */
    void complete(int process, long time, Operation.Kind kind, Operation.Outcome outcome, String readValue, boolean casSucceeded,
            int line) {
        Invoke inv = pending.remove(process);
        if (inv == null) {
            throw problem(line, "", "process " + process + " completes an operation it never invoked");
        }
        if (kind != inv.kind()) {
            throw problem(line, "", "process " + process + " completes a " + name(kind) + " but invoked a " + name(inv.kind())
                    + " (line " + inv.line() + ")");
        }
        if (time < inv.time()) {
            throw problem(line, "", "completes before its invocation (line " + inv.line() + ", time " + inv.time() + "), at " + time);
        }
        String value = inv.kind() == Operation.Kind.READ ? readValue : inv.value();
        ops.add(new Operation(nextId++, process, inv.kind(), inv.key(), value, inv.expected(),
                inv.kind() == Operation.Kind.CAS && casSucceeded, inv.time(), time, outcome));
    }

    /** Whether nothing was invoked yet. */
    boolean isEmpty() {
        return ops.isEmpty() && pending.isEmpty();
    }

    List<Operation> build() {
        for (Map.Entry<Integer, Invoke> e : pending.entrySet()) {
            Invoke inv = e.getValue();
            ops.add(new Operation(nextId++, e.getKey(), inv.kind(), inv.key(), inv.value(), inv.expected(), false,
                    inv.time(), Long.MAX_VALUE, Operation.Outcome.UNKNOWN));
        }
        pending.clear();
        if (ops.isEmpty()) {
            throw new ScenarioException(new ScenarioProblem(Location.wholeFile(file), "", "no operations found"));
        }
        return ops;
    }

    /** A mistake at {@code line} of this history, about {@code field} (empty if none). */
    ScenarioException problem(int line, String field, String message) {
        return new ScenarioException(new ScenarioProblem(Location.line(file, line), field, message));
    }

    private static String name(Operation.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
