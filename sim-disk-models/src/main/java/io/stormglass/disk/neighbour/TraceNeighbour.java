package io.stormglass.disk.neighbour;

import io.stormglass.disk.DiskEnv;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Replays a recorded I/O trace: CSV lines {@code timestamp_micros,op,offset_bytes,length_bytes}
 * with {@code op} one of {@code read}, {@code write}, {@code flush}; blank lines, {@code #}
 * comments and a header line are skipped. Each request is submitted at its timestamp (relative
 * to {@code startSeconds}) without waiting for earlier ones, as blktrace's issue events would
 * replay. The replay is an {@code ActivityMarked} span labelled {@code trace}.
 */
public final class TraceNeighbour extends NeighbourBase {
    private static final EventKind REPLAY = EventKind.named("neighbour.trace");

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
        this.ios = parse(options.csv());
        this.startNanos = options.startSeconds() * 1_000_000_000L;
    }

    /** Parses a trace; throws IllegalArgumentException naming the bad line. */
    public static List<TraceIo> parse(String csv) {
        List<TraceIo> out = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (i == 0 && !f[0].strip().chars().allMatch(Character::isDigit)) {
                continue;
            }
            try {
                IoOp op = IoOp.valueOf(f[1].strip().toUpperCase(Locale.ROOT));
                long offset = op == IoOp.FLUSH ? 0 : Long.parseLong(f[2].strip());
                long length = op == IoOp.FLUSH ? 0 : Long.parseLong(f[3].strip());
                out.add(new TraceIo(Long.parseLong(f[0].strip()), op, offset, length));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad trace line " + (i + 1) + ": " + line, e);
            }
        }
        out.sort((a, b) -> Long.compare(a.atMicros(), b.atMicros()));
        return out;
    }

    @Override
    public void start() {
        if (ios.isEmpty()) {
            return;
        }
        env.scheduler().scheduleAt(startNanos, REPLAY, key, () -> Neighbours.mark(env, name, "trace", true));
        for (TraceIo io : ios) {
            env.scheduler().scheduleAt(startNanos + io.atMicros() * 1000, REPLAY, key, () -> {
                outstanding++;
                device.submit(new IoRequest(name, io.op(), io.offsetBytes(), io.lengthBytes()), result -> {
                    if (--outstanding == 0 && result.completedAtNanos() >= startNanos + lastMicros() * 1000) {
                        Neighbours.mark(env, name, "trace", false);
                    }
                });
            });
        }
    }

    private long lastMicros() {
        return ios.get(ios.size() - 1).atMicros();
    }
}
