package io.stormglass.raft.server;

import io.stormglass.engine.exec.CpuSpec;
import io.stormglass.raft.kv.KvCommand;

/**
 * The CPU a member spends on each kind of work, and the cores it runs on. Every cost is the time
 * of one hardware thread running alone on its core (see {@link CpuSpec} for what a shared core
 * does to it); all of a member's work competes for its {@code cores}: the gRPC handlers (one
 * goroutine per request, in parallel), the rafthttp stream writer and reader of each peer, and
 * etcd's four serial loops (raft node, raft loop, apply, backend), each of which uses at most one
 * thread at a time. So a busy leader saturates either its cores or one of its serial loops,
 * whichever comes first.
 *
 * <p>What a request costs, where:
 * <ul>
 *   <li>every unary request: half of {@code grpcRequestNanos} when it arrives (HTTP/2 frames,
 *       headers, dispatch to a handler goroutine, unmarshal) and half when it is answered (marshal,
 *       frames, flush), plus {@code grpcKiBNanos} per KiB of request and of reply;</li>
 *   <li>a write ({@code Put}, {@code DeleteRange}, {@code Txn}, {@code LeaseGrant/Revoke}):
 *       {@code proposeNanos} in the handler, {@code stepMessageNanos} on the raft node loop,
 *       {@code persistEntryNanos} on the raft loop of every member, and on every member's apply
 *       loop {@code applyEntryNanos} plus its kind's cost ({@link #applyNanos});</li>
 *   <li>a read: {@code rangeNanos} plus {@code rangeKeyNanos} per key returned, in the handler
 *       (after the ReadIndex round for a linearizable read);</li>
 *   <li>a lease keepalive (a message on an open stream): {@code grpcStreamMessageNanos} and
 *       {@code leaseNanos} on the leader;</li>
 *   <li>peer traffic: {@code peerMessageNanos} plus {@code peerKiBNanos} per KiB for each Raft
 *       message, encoded by the sender's stream writer and decoded by the receiver's stream reader;
 *       {@code stepMessageNanos} to step it, {@code readyNanos} per Ready on the raft loop;</li>
 *   <li>a backend commit: {@code commitKeyNanos} per change in the batch.</li>
 * </ul>
 *
 * <p>Sources of the defaults (etcd 3.2-era Go on 2017 cloud vCPUs, the setup of etcd's benchmark
 * table):
 * <ul>
 *   <li>{@code cores}: 4 cloud vCPUs. etcd's hardware guide: "Typical clusters need two to four
 *       cores to run smoothly" (https://etcd.io/docs/v3.5/op-guide/hardware/#cpus); its medium
 *       example is a 4-vCPU VM.</li>
 *   <li>{@code grpcRequestNanos} 60 µs: gRPC-Go's server side of one unary call. Measured 54 µs
 *       (grpc_bench, go_grpc on 1 CPU: 14 011 calls/s at 75.7 % CPU,
 *       https://github.com/LesnyRumcajs/grpc_bench/pull/180, 2022); a whole local unary round trip,
 *       client and server together, took 133 µs in Dec 2017 (https://github.com/grpc/grpc-go/issues/1762).
 *       etcd 3.2 shipped gRPC-Go 1.2.1, older than both. etcd's own v3 demo benchmark found a
 *       single-key read "nearly the same as the one with empty server handler"
 *       (Documentation/benchmarks/etcd-3-demo-benchmarks.md): the RPC layer is most of a read.</li>
 *   <li>{@code grpcKiBNanos} 1 µs per KiB: about 1 GB/s of protobuf (un)marshalling, HTTP/2
 *       framing and copies per core, the order of Go protobuf's published codec throughput
 *       (https://github.com/protocolbuffers/protobuf/tree/main/benchmarks).</li>
 *   <li>{@code grpcStreamMessageNanos} 40 µs: a message on an open stream skips the stream set-up
 *       and headers; gRPC-Go's benchmark ran 14 345 streaming ping-pongs/s against 9 248 unary
 *       calls/s on the same machines (https://github.com/grpc/grpc-go/pull/1952): 0.65 of a unary call.</li>
 *   <li>{@code rangeNanos} 25 µs and {@code rangeKeyNanos} 2 µs: etcd's v3 demo benchmark (2 vCPUs)
 *       read one key at 16 623/s, and 13 582/s once the key existed: "the performance downgrade
 *       should be caused by storage package", 2 vCPU × (1/13 582 − 1/16 623) s = 27 µs for a range
 *       returning one key.</li>
 *   <li>{@code applyEntryNanos} 3 µs and {@code applyPutNanos} 15 µs: "Each serialized etcd request
 *       must run through etcd's boltdb-backed MVCC storage engine, which usually takes tens of
 *       microseconds to finish" (etcd op-guide, performance.md); the apply loop is serial, so this
 *       bounds writes at about 55 000/s, the order of the 50 104 puts/s of etcd's benchmark table.</li>
 *   <li>{@code stepMessageNanos} 2 µs: etcd's raft benchmark replicated a proposal on three in-memory
 *       nodes in 5 885 ns (https://github.com/etcd-io/etcd/pull/2598), which bounds what the leader's
 *       node goroutine spends on one proposal and its two append responses.</li>
 *   <li>{@code proposeNanos} 5 µs (marshal the internal request, register its wait, hand it to raft),
 *       {@code readyNanos} 20 µs, {@code persistEntryNanos} 2 µs (WAL
 *       record: marshal and CRC32C of a few hundred bytes), {@code peerMessageNanos} 5 µs,
 *       {@code peerKiBNanos} 1 µs, {@code leaseNanos} 5 µs, {@code commitKeyNanos} 1 µs: estimates of
 *       the Go code paths (a few allocations, channel operations and map or heap updates each);
 *       none of them is near a bottleneck in the published setups.</li>
 * </ul>
 * Calibrate against a real cluster by dividing the process's CPU seconds by requests served.
 *
 * @param cores                  the member's machine (GOMAXPROCS); null: every thread and goroutine
 *                               has a core of its own (no contention, the pre-calibration model)
 * @param grpcRequestNanos       gRPC server side of one unary request (half on arrival, half on reply)
 * @param grpcKiBNanos           gRPC per KiB of request and reply
 * @param grpcStreamMessageNanos gRPC per message on an open stream (lease keepalive)
 * @param proposeNanos           write handler: build, register and propose the internal request
 * @param rangeNanos             MVCC range: index lookup and backend read transaction
 * @param rangeKeyNanos          MVCC range: per key returned
 * @param stepMessageNanos       raft node loop: stepping one message or proposal
 * @param readyNanos             raft loop: fixed cost of one Ready
 * @param persistEntryNanos      raft loop: encoding one entry into the WAL
 * @param peerMessageNanos       rafthttp: encoding (sender) or decoding (receiver) one Raft message
 * @param peerKiBNanos           rafthttp: per KiB of a Raft message, on each side
 * @param applyEntryNanos        apply loop: decoding one committed entry and answering its waiter
 * @param applyPutNanos          apply loop: one MVCC put (index and bbolt), also the tombstone of a delete
 * @param leaseNanos             lessor: granting, revoking or renewing one lease
 * @param commitKeyNanos         backend: per change in a batch commit (bbolt spill and page encoding)
 */
public record CpuCosts(CpuSpec cores, long grpcRequestNanos, long grpcKiBNanos, long grpcStreamMessageNanos,
        long proposeNanos, long rangeNanos, long rangeKeyNanos, long stepMessageNanos, long readyNanos,
        long persistEntryNanos, long peerMessageNanos, long peerKiBNanos, long applyEntryNanos, long applyPutNanos,
        long leaseNanos, long commitKeyNanos) {
    private static final long US = 1_000L;

    public CpuCosts {
        long[] all = {grpcRequestNanos, grpcKiBNanos, grpcStreamMessageNanos, proposeNanos, rangeNanos, rangeKeyNanos,
            stepMessageNanos, readyNanos, persistEntryNanos, peerMessageNanos, peerKiBNanos, applyEntryNanos,
            applyPutNanos, leaseNanos, commitKeyNanos};
        for (long v : all) {
            if (v < 0) {
                throw new IllegalArgumentException("CPU costs must not be negative: " + this);
            }
        }
    }

    /** The defaults above, on 4 cloud vCPUs. */
    public static CpuCosts defaults() {
        return new CpuCosts(CpuSpec.cloudVcpus(4), 60 * US, US, 40 * US, 5 * US, 25 * US, 2 * US, 2 * US, 20 * US,
                2 * US, 5 * US, US, 3 * US, 15 * US, 5 * US, US);
    }

    /** No CPU cost at all and no core limit (for tests that want pure protocol timing). */
    public static CpuCosts free() {
        return new CpuCosts(null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** These costs on other cores (null: a core per thread). */
    public CpuCosts withCores(CpuSpec value) {
        return new CpuCosts(value, grpcRequestNanos, grpcKiBNanos, grpcStreamMessageNanos, proposeNanos, rangeNanos,
                rangeKeyNanos, stepMessageNanos, readyNanos, persistEntryNanos, peerMessageNanos, peerKiBNanos,
                applyEntryNanos, applyPutNanos, leaseNanos, commitKeyNanos);
    }

    /** Every cost divided by {@code speed} (a CPU {@code speed} times as fast), on the same cores. */
    public CpuCosts scaled(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive: " + speed);
        }
        return new CpuCosts(cores, div(grpcRequestNanos, speed), div(grpcKiBNanos, speed),
                div(grpcStreamMessageNanos, speed), div(proposeNanos, speed), div(rangeNanos, speed),
                div(rangeKeyNanos, speed), div(stepMessageNanos, speed), div(readyNanos, speed),
                div(persistEntryNanos, speed), div(peerMessageNanos, speed), div(peerKiBNanos, speed),
                div(applyEntryNanos, speed), div(applyPutNanos, speed), div(leaseNanos, speed), div(commitKeyNanos, speed));
    }

    /** Apply-loop CPU of one command beyond {@code applyEntryNanos}: by kind, a txn by its compares and operations. */
    public long applyNanos(KvCommand command) {
        if (command instanceof KvCommand.Put) {
            return applyPutNanos;
        }
        if (command instanceof KvCommand.Delete) {
            return rangeNanos + applyPutNanos; // find the keys, then write a tombstone
        }
        if (command instanceof KvCommand.Txn t) {
            long cost = t.compares().size() * (rangeNanos + rangeKeyNanos);
            for (KvCommand op : t.success().size() >= t.failure().size() ? t.success() : t.failure()) {
                cost += applyNanos(op);
            }
            return cost;
        }
        if (command instanceof KvCommand.Compact) {
            // applying a compaction records its revision and schedules the history scan, which runs off the apply loop
            return rangeNanos;
        }
        return leaseNanos + applyPutNanos; // a lease grant or revoke also writes the lease bucket
    }

    /** gRPC CPU of {@code bytes} bytes of payload. */
    public long grpcBytesNanos(long bytes) {
        return bytes * grpcKiBNanos / 1024;
    }

    /** rafthttp CPU of one Raft message of {@code bytes} bytes, on one side. */
    public long peerNanos(long bytes) {
        return peerMessageNanos + bytes * peerKiBNanos / 1024;
    }

    private static long div(long nanos, double speed) {
        return Math.round(nanos / speed);
    }
}
