package io.stormglass.raft.client;

import io.stormglass.engine.exec.CpuSpec;

/**
 * The CPU of the machine the clients run on (one load generator, such as etcd's {@code benchmark}
 * tool): all of its connections and client goroutines share {@code cores}, and every call costs
 * the client side of a gRPC call, half when it is sent (marshal, HTTP/2 frames, write) and half
 * when its reply is received (the connection's reader goroutine, unmarshal, waking the caller).
 * Both halves are inside the call's measured latency, as they are inside clientv3's {@code Do}.
 *
 * <p>Sources: gRPC-Go's own benchmark spent about as much CPU in the client as in the server for
 * the same unary calls (15.4 s against 17.2 s, https://github.com/grpc/grpc-go/pull/1952), so the
 * defaults are the member's gRPC costs ({@link io.stormglass.raft.server.CpuCosts}: 60 µs a call,
 * 1 µs per KiB).
 *
 * <p>{@code paceTimerNanos}: etcd 3.2's benchmark waits on a rate limiter before every request even
 * at an unlimited rate (golang.org/x/time/rate's {@code WaitN}, vendored in etcd v3.2.0, creates a
 * {@code time.NewTimer} for a zero delay), and Go 1.8 fires every timer from one goroutine
 * ({@link ClientHost#pace}). {@link #GO18_TIMER_NANOS}: a lock, a heap operation and a channel send
 * that readies a goroutine, each a fraction of a microsecond.
 *
 * @param cores            the machine; null: no client CPU at all (calls leave and complete at once)
 * @param grpcRequestNanos client side of one unary call
 * @param grpcKiBNanos     per KiB of request and reply
 * @param paceTimerNanos   each call first waits on a zero-delay timer fired by the process's one timer
 *                         goroutine, which spends this much on it; 0: calls are not paced
 */
public record ClientCpu(CpuSpec cores, long grpcRequestNanos, long grpcKiBNanos, long paceTimerNanos) {
    /** What Go 1.8's timer goroutine spends on firing one timer. */
    public static final long GO18_TIMER_NANOS = 1_000;

    public ClientCpu(CpuSpec cores, long grpcRequestNanos, long grpcKiBNanos) {
        this(cores, grpcRequestNanos, grpcKiBNanos, 0);
    }

    public ClientCpu {
        if (grpcRequestNanos < 0 || grpcKiBNanos < 0 || paceTimerNanos < 0) {
            throw new IllegalArgumentException("client CPU costs must not be negative: " + this);
        }
    }

    /** No client CPU: the pre-calibration client. */
    public static ClientCpu none() {
        return new ClientCpu(null, 60_000, 1_000);
    }

    /** The default costs on {@code cores}. */
    public static ClientCpu on(CpuSpec cores) {
        return new ClientCpu(cores, 60_000, 1_000);
    }

    public boolean modelled() {
        return cores != null;
    }
}
