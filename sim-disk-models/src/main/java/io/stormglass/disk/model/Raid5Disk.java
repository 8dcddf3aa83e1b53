package io.stormglass.disk.model;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.internal.Join;
import io.stormglass.disk.internal.MeteredDevice;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Hashing;
import io.stormglass.engine.metrics.Counter;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.IoOp;
import io.stormglass.engine.storage.IoRequest;
import io.stormglass.engine.storage.IoStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * RAID5 over member devices (any model) with left-symmetric rotating parity, as Linux md and most
 * controllers lay it out. A write covering whole stripes writes every member with no reads; any
 * other write does read-modify-write per stripe: read the old data and the old parity, then
 * write the new data and the new parity. A one-chunk small write therefore costs exactly four
 * member I/Os, two of them on the critical path before the writes can start.
 *
 * <p>Under load this is what makes fdatasync slow (seed 000: ~120 ms): through a file system an
 * fdatasync is two small writes, the data and the journal commit ({@link FsJournal}), so two
 * read-modify-write cycles one after the other; each cycle's reads queue behind a neighbour's
 * I/Os on two members and its writes queue again behind whatever arrived meanwhile, and on an HDD
 * member the write of a sector just read waits almost a whole revolution.
 *
 * <p>With a battery-backed write-back cache ({@code writeBackCacheBytes > 0}) a write is
 * acknowledged after the controller latency as long as it fits in the cache, and is destaged to
 * the members in the background; a write that does not fit waits (FIFO) until destaging frees
 * room, which is when the members' latency shows through. A FLUSH is then acknowledged by the
 * controller (the cache is durable); without a cache it flushes every member.
 *
 * <p>Member I/Os are counted in {@code raid_member_ios_total{device,op}}.
 */
public final class Raid5Disk extends MeteredDevice {
    private static final EventKind ACK = EventKind.named("disk.raid5.ack");

    /**
     * @param members                  member disks, at least 3; default 4 (3 data + parity)
     * @param member                   the model of each member; default a 7200 rpm HDD
     * @param stripeUnitBytes          chunk per member per stripe; default 64 KiB (the default stripe element of
     *                                 common hardware controllers, e.g. Dell PERC)
     * @param writeBackCacheBytes      battery-backed controller cache; default 0 (none: seed 000's array had
     *                                 its fsyncs at member speed)
     * @param controllerLatencyMicros  controller time to acknowledge a cached write or flush; default 50 µs
     */
    public record Options(int members, DiskSpec member, long stripeUnitBytes, long writeBackCacheBytes,
            long controllerLatencyMicros) implements DiskSpec {
        public Options {
            if (members < 3) {
                throw new IllegalArgumentException("RAID5 needs at least 3 members: " + members);
            }
        }

        public static Options defaults() {
            return new Options(4, HddDisk.Options.defaults(), 64 * 1024, 0, 50);
        }

        @Override
        public String model() {
            return "raid5";
        }
    }

    private record CachedWrite(IoRequest request, ServiceDone done) {
    }

    private final Options options;
    private final BlockDevice[] members;
    private final Counter memberReads;
    private final Counter memberWrites;
    private final Counter memberFlushes;
    private final long key;
    private final ArrayDeque<CachedWrite> waitingForCache = new ArrayDeque<>();
    private long cachedBytes;

    public Raid5Disk(DiskEnv env, String name, Options options, DeviceFactory factory) {
        super(env.scheduler(), name, env.metricsFor(name));
        this.options = options;
        this.members = new BlockDevice[options.members()];
        for (int i = 0; i < members.length; i++) {
            members[i] = factory.create(name + "/m" + i, options.member());
        }
        this.memberReads = env.recorder().counter(Metric.RAID_MEMBER_IOS.id(name, "read"));
        this.memberWrites = env.recorder().counter(Metric.RAID_MEMBER_IOS.id(name, "write"));
        this.memberFlushes = env.recorder().counter(Metric.RAID_MEMBER_IOS.id(name, "flush"));
        this.key = Hashing.fnv1a64(name);
    }

    public long memberReads() {
        return memberReads.total();
    }

    public long memberWrites() {
        return memberWrites.total();
    }

    @Override
    protected void serve(Io io) {
        IoRequest request = io.request();
        switch (request.op()) {
            case READ -> read(request, io::complete);
            case FLUSH -> {
                if (options.writeBackCacheBytes() > 0) {
                    acknowledgeLater(io, IoStatus.OK);
                } else {
                    Join join = new Join(members.length, io::complete);
                    for (BlockDevice m : members) {
                        memberFlushes.increment();
                        m.submit(IoRequest.flush(request.issuer()), join.part());
                    }
                }
            }
            case WRITE -> {
                if (options.writeBackCacheBytes() > 0) {
                    waitingForCache.addLast(new CachedWrite(request, io));
                    admitCachedWrites();
                } else {
                    write(request, io::complete);
                }
            }
        }
    }

    private void admitCachedWrites() {
        while (!waitingForCache.isEmpty()) {
            CachedWrite w = waitingForCache.peekFirst();
            long len = w.request().lengthBytes();
            // a write larger than the whole cache is admitted alone into an empty cache
            if (cachedBytes > 0 && cachedBytes + len > options.writeBackCacheBytes()) {
                return;
            }
            waitingForCache.pollFirst();
            cachedBytes += len;
            acknowledgeLater(w.done(), IoStatus.OK);
            write(w.request(), status -> {
                cachedBytes -= len;
                admitCachedWrites();
            });
        }
    }

    private void acknowledgeLater(ServiceDone done, IoStatus status) {
        scheduler.schedule(options.controllerLatencyMicros() * 1000, ACK, key, () -> done.complete(status));
    }

    /** One member extent of a stripe: member index, member offset, length. */
    private record Chunk(int member, long offsetBytes, long lengthBytes) {
    }

    private void read(IoRequest r, Consumer<IoStatus> done) {
        List<Chunk> chunks = new ArrayList<>();
        forEachStripe(r.offsetBytes(), r.lengthBytes(), (stripe, from, to) -> chunks.addAll(dataChunks(stripe, from, to)));
        submitAll(chunks, IoOp.READ, r.issuer(), done);
    }

    private void write(IoRequest r, Consumer<IoStatus> done) {
        List<long[]> stripes = new ArrayList<>();
        forEachStripe(r.offsetBytes(), r.lengthBytes(), (stripe, from, to) -> stripes.add(new long[] {stripe, from, to}));
        if (stripes.isEmpty()) {
            submitAll(List.of(), IoOp.WRITE, r.issuer(), done);
            return;
        }
        Join join = new Join(stripes.size(), done);
        for (long[] s : stripes) {
            writeStripe(s[0], s[1], s[2], r.issuer(), join::partDone);
        }
    }

    private void writeStripe(long stripe, long from, long to, String issuer, Consumer<IoStatus> done) {
        long unit = options.stripeUnitBytes();
        long stripeStart = stripe * stripeBytes();
        List<Chunk> chunks = new ArrayList<>(dataChunks(stripe, from, to));
        int parity = parityMember(stripe);
        if (from == stripeStart && to == stripeStart + stripeBytes()) {
            chunks.add(new Chunk(parity, stripe * unit, unit));
            submitAll(chunks, IoOp.WRITE, issuer, done);
            return;
        }
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (Chunk c : chunks) {
            long within = c.offsetBytes() - stripe * unit;
            lo = Math.min(lo, within);
            hi = Math.max(hi, within + c.lengthBytes());
        }
        chunks.add(new Chunk(parity, stripe * unit + lo, hi - lo));
        submitAll(chunks, IoOp.READ, issuer, status -> {
            if (!status.isOk()) {
                done.accept(status);
            } else {
                submitAll(chunks, IoOp.WRITE, issuer, done);
            }
        });
    }

    private List<Chunk> dataChunks(long stripe, long from, long to) {
        long unit = options.stripeUnitBytes();
        long stripeStart = stripe * stripeBytes();
        int parity = parityMember(stripe);
        List<Chunk> out = new ArrayList<>();
        for (long u = (from - stripeStart) / unit; u <= (to - 1 - stripeStart) / unit; u++) {
            long unitStart = stripeStart + u * unit;
            long cFrom = Math.max(from, unitStart);
            long cTo = Math.min(to, unitStart + unit);
            int member = (int) ((parity + 1 + u) % members.length);
            out.add(new Chunk(member, stripe * unit + (cFrom - unitStart), cTo - cFrom));
        }
        return out;
    }

    private void submitAll(List<Chunk> chunks, IoOp op, String issuer, Consumer<IoStatus> done) {
        if (chunks.isEmpty()) {
            acknowledgeLater(done::accept, IoStatus.OK);
            return;
        }
        Join join = new Join(chunks.size(), done);
        for (Chunk c : chunks) {
            (op == IoOp.READ ? memberReads : memberWrites).increment();
            members[c.member()].submit(new IoRequest(issuer, op, c.offsetBytes(), c.lengthBytes()), join.part());
        }
    }

    /** Left-symmetric layout: parity starts on the last member and moves one member left per stripe. */
    private int parityMember(long stripe) {
        return (int) (members.length - 1 - stripe % members.length);
    }

    private long stripeBytes() {
        return options.stripeUnitBytes() * (members.length - 1);
    }

    @FunctionalInterface
    private interface StripeVisitor {
        void visit(long stripe, long from, long to);
    }

    private void forEachStripe(long offset, long length, StripeVisitor visitor) {
        long pos = offset;
        long end = offset + length;
        while (pos < end) {
            long stripe = pos / stripeBytes();
            long stripeEnd = Math.min(end, (stripe + 1) * stripeBytes());
            visitor.visit(stripe, pos, stripeEnd);
            pos = stripeEnd;
        }
    }
}
