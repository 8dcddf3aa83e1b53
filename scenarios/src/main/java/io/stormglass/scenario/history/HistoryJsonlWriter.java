package io.stormglass.scenario.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stormglass.raft.client.Operation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a client history in the format {@link JsonlHistory} reads: each operation as an
 * invocation line and, unless its outcome is unknown, a completion line, all in time order
 * (invocations before completions at the same instant). A client may have several calls in flight
 * (open-loop load), so each operation is its own {@code process} (its id); {@code client} names
 * the client node.
 */
public final class HistoryJsonlWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryJsonlWriter() {
    }

    public static void write(List<Operation> operations, Writer out) throws IOException {
        record Line(long time, int order, ObjectNode json) {
        }
        List<Line> lines = new ArrayList<>(operations.size() * 2);
        for (Operation op : operations) {
            String f = op.kind().name().toLowerCase(Locale.ROOT);
            ObjectNode invoke = JSON.createObjectNode();
            invoke.put("time_ns", op.invokeNanos()).put("process", op.id()).put("client", op.client()).put("type", "invoke")
                    .put("f", f).put("key", op.key());
            if (op.kind() == Operation.Kind.WRITE || op.kind() == Operation.Kind.CAS) {
                invoke.put("value", op.value());
            }
            if (op.kind() == Operation.Kind.CAS) {
                invoke.put("expected", op.expected());
            }
            lines.add(new Line(op.invokeNanos(), 0, invoke));
            if (op.outcome() == Operation.Outcome.UNKNOWN) {
                continue; // never completed: the reader treats it as unknown
            }
            ObjectNode done = JSON.createObjectNode();
            done.put("time_ns", op.completeNanos()).put("process", op.id()).put("client", op.client())
                    .put("type", op.outcome() == Operation.Outcome.OK ? "ok" : "fail").put("f", f).put("key", op.key());
            if (op.kind() == Operation.Kind.READ && op.outcome() == Operation.Outcome.OK) {
                done.put("value", op.value());
            }
            if (op.kind() == Operation.Kind.CAS && op.outcome() == Operation.Outcome.OK) {
                done.put("succeeded", op.casSucceeded());
            }
            lines.add(new Line(op.completeNanos(), 1, done));
        }
        lines.sort((a, b) -> a.time() != b.time() ? Long.compare(a.time(), b.time()) : Integer.compare(a.order(), b.order()));
        for (Line l : lines) {
            out.write(JSON.writeValueAsString(l.json()));
            out.write('\n');
        }
    }
}
