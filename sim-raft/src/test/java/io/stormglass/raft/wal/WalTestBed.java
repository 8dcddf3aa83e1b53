package io.stormglass.raft.wal;

import io.stormglass.raft.log.HardState;
import io.stormglass.raft.log.Entry;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.InstantBlockDevice;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.SimFileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A simulation, a file system over a device, and helpers to drive a WAL in tests. */
final class WalTestBed {
    static final String DIR = "n1/wal";

    final Simulation sim = new Simulation();
    final RandomStreams streams;
    final BlockDevice device;
    final SimFileSystem fs;
    final List<Long> fsyncNanos = new ArrayList<>();
    final WalContext ctx;

    WalTestBed(long seed, long segmentSizeBytes, Function<Simulation, BlockDevice> deviceFactory) {
        streams = new RandomStreams(seed);
        device = deviceFactory.apply(sim);
        fs = new SimFileSystem(sim, device, streams.stream("fs"), "n1/wal");
        ctx = new WalContext(sim, fs, DIR, new WalOptions(segmentSizeBytes), fsyncNanos::add);
    }

    WalTestBed(long segmentSizeBytes) {
        this(1, segmentSizeBytes, s -> new InstantBlockDevice(s, "instant"));
    }

    /** Creates a WAL and runs the simulation until its creation is durable. */
    Wal create(byte[] metadata) {
        List<IoResult> done = new ArrayList<>();
        Wal wal = Wal.create(ctx, metadata, done::add);
        sim.run();
        if (done.size() != 1 || !done.get(0).isOk()) {
            throw new AssertionError("create did not complete OK: " + done);
        }
        return wal;
    }

    /** Saves and runs the simulation until the save's callback ran; returns its result. */
    IoResult saveAndWait(Wal wal, HardState state, List<Entry> entries, boolean mustSync) {
        List<IoResult> done = new ArrayList<>();
        wal.save(state, entries, mustSync, done::add);
        sim.run();
        if (done.size() != 1) {
            throw new AssertionError("save completed " + done.size() + " times");
        }
        return done.get(0);
    }

    WalOpenResult open(WalSnapshotMarker from) {
        return Wal.open(ctx, from);
    }

    WalOpenResult.Opened openOk(WalSnapshotMarker from) {
        WalOpenResult r = open(from);
        if (r instanceof WalOpenResult.Failed f) {
            throw new AssertionError("open failed: " + f.error().message());
        }
        return (WalOpenResult.Opened) r;
    }

    static Entry entry(long term, long index, String data) {
        return Entry.normal(term, index, data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static List<Entry> entries(long term, long fromIndex, int count) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(entry(term, fromIndex + i, "value-" + term + "-" + (fromIndex + i)));
        }
        return out;
    }
}
