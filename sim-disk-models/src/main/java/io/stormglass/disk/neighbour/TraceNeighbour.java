package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.InputFormatException;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a recorded I/O trace: CSV lines {@code timestamp_micros,op,offset_bytes,length_bytes}
 * with {@code op} one of {@code read}, {@code write}, {@code flush}; blank lines, {@code #}
 * comments and a header line are skipped. Each request is submitted at its timestamp (relative
 * to {@code startSeconds}) without waiting for earlier ones, as blktrace's issue events would
 * replay. The replay is an {@code ActivityMarked} span labelled {@code trace}.
 */
public final class TraceNeighbour extends NeighbourBase {
    private static final EventKind REPLAY = EventKind.named("neighbour.trace");
    /** The columns of a trace line, in order. */
    static final String[] COLUMNS = {"timestamp_micros", "op", "offset_bytes", "length_bytes"};
    /** Latest time accepted when no run bounds it: 400 days, Stormglass's limit for any duration. */
    static final long MAX_MICROS = 400L * 86_400_000_000L;
    /** Largest offset or length accepted: 1 PiB, beyond any device modelled. */
    static final long MAX_BYTES = 1L << 50;
    private static final Map<String, IoOp> OPS = Map.of("read", IoOp.READ, "write", IoOp.WRITE, "flush", IoOp.FLUSH);

    /** @param csv the trace text; @param startSeconds when replay begins */
    public record Options(String csv, long startSeconds) implements NeighbourSpec {
        @Override
        public String kind() {
            return "trace";
        }
    }

    /** One trace line. */
    public record TraceIo(long atMicros, IoOp op, long offsetBytes, long lengthBytes) {
    }

    private final List<TraceIo> ios;
    private final long startNanos;
    private int outstanding;

    public TraceNeighbour(String name, Options options, BlockDevice device, DiskEnv env) {
        super(name, device, env);
        this.ios = parse(options.csv(), MAX_MICROS);
        this.startNanos = options.startSeconds() * 1_000_000_000L;
    }

    /** Parses a trace with no bound on its times. */
    public static List<TraceIo> parse(String csv) {
        return parse(csv, MAX_MICROS);
    }

    /**
     * Parses a trace whose I/Os must all be issued within {@code lastMicros} of the replay's start
     * (the rest of the run). Blank lines, {@code #} comments and a header line before the first I/O
     * are skipped; a trace without any I/O is refused.
     *
     * @throws InputFormatException at the line and column ({@code column offset_bytes}) at fault;
     *                              line 0 for a trace without I/O lines
     */
    public static List<TraceIo> parse(String csv, long lastMicros) {
        List<TraceIo> out = new ArrayList<>();
        String[] lines = csv.split("\n", -1);
        boolean headerAllowed = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (headerAllowed && !f[0].strip().matches("[+-]?[0-9.]+")) {
                headerAllowed = false;
                continue; // a header such as timestamp_micros,op,offset_bytes,length_bytes
            }
            headerAllowed = false;
            out.add(io(f, i + 1, lastMicros));
        }
        if (out.isEmpty()) {
            throw new InputFormatException(0, 0, "", "the trace holds no I/O; expected lines such as 1000,write,4096,4096 "
                    + "(timestamp_micros,op,offset_bytes,length_bytes)");
        }
        out.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
        return out;
    }

    private static TraceIo io(String[] f, int line, long lastMicros) {
        IoOp op = f.length < 2 ? null : OPS.get(f[1].strip().toLowerCase(Locale.ROOT));
        boolean flush = op == IoOp.FLUSH;
        if (f.length != COLUMNS.length && !(flush && f.length == 2)) {
            throw new InputFormatException(line, 0, "", "expected " + COLUMNS.length + " columns (" + String.join(",", COLUMNS)
                    + "), got " + f.length);
        }
        long at = number(f[0], line, 0, lastMicros);
        if (op == null) {
            throw new InputFormatException(line, 0, "column " + COLUMNS[1], "expected read, write or flush, got "
                    + InputFormatException.quote(f[1].strip()));
        }
        long offset = flush ? 0 : number(f[2], line, 2, MAX_BYTES);
        long length = flush ? 0 : number(f[3], line, 3, MAX_BYTES);
        return new TraceIo(at, op, offset, length);
    }

    /** A whole number from 0 to {@code max}, in column {@code column}. */
    private static long number(String cell, int line, int column, long max) {
        String t = cell.strip();
        String name = "column " + COLUMNS[column];
        if (t.length() > 40 || !t.matches("-?[0-9]+")) {
            throw new InputFormatException(line, 0, name, "expected a whole number, got " + InputFormatException.quote(t));
        }
        // compared as text first, so that a number past 2^63 is "too large" rather than a crash
        long v = t.replaceFirst("^-?0*", "").length() > 18 ? (t.startsWith("-") ? -1 : Long.MAX_VALUE) : Long.parseLong(t);
        if (v < 0) {
            throw new InputFormatException(line, 0, name, "must not be negative, got " + t);
        }
        if (v > max) {
            throw new InputFormatException(line, 0, name, column == 0
                    ? "must be at most " + max + " (the I/O would be issued after the run ends), got " + t
                    : "must be at most " + max + " (1PiB), got " + t);
        }
        return v;
    }

    @Override
    public void start() {
        if (ios.isEmpty()) {
            return;
        }
        env.scheduler().scheduleAt(startNanos, REPLAY, key, () -> mark("trace", true));
        for (TraceIo io : ios) {
            env.scheduler().scheduleAt(startNanos + io.atMicros() * 1000, REPLAY, key, () -> {
                outstanding++;
                device.submit(new IoRequest(name, io.op(), io.offsetBytes(), io.lengthBytes()), result -> {
                    if (--outstanding == 0 && result.completedAtNanos() >= startNanos + lastMicros() * 1000) {
                        mark("trace", false);
                    }
                });
            });
        }
    }

    private long lastMicros() {
        return ios.get(ios.size() - 1).atMicros();
    }
}
