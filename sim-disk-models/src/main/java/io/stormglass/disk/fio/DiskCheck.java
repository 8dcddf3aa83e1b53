package io.stormglass.disk.fio;

import io.stormglass.disk.DiskEnv;
import io.stormglass.disk.DiskModels;
import io.stormglass.disk.model.CephRbdDisk;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.FsJournal;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import io.stormglass.disk.model.Raid5Disk;
import io.stormglass.disk.model.SataSsdDisk;
import io.stormglass.disk.neighbour.NeighbourSpec;
import io.stormglass.disk.neighbour.Neighbours;
import io.stormglass.engine.event.EventKind;
import io.stormglass.engine.event.Simulation;
import io.stormglass.engine.metrics.LatencyRecorder;
import io.stormglass.engine.metrics.Metric;
import io.stormglass.engine.metrics.MetricId;
import io.stormglass.engine.metrics.Recorder;
import io.stormglass.engine.random.RandomStreams;
import io.stormglass.engine.storage.BlockDevice;
import io.stormglass.engine.storage.DataFile;
import io.stormglass.engine.storage.IoResult;
import io.stormglass.engine.storage.SimFileSystem;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * etcd's disk check on a simulated disk: the fio recipe from etcd's hardware guidance,
 * {@code fio --rw=write --ioengine=sync --fdatasync=1 --directory=... --size=22m --bs=2300},
 * replayed on its own {@link Simulation}: sequential 2300-byte {@code write(2)}s to one file,
 * each followed by {@code fdatasync(2)} and issued when the previous fdatasync returns, through
 * the engine's page-cache file system on the configured device, with any neighbours running on
 * the same device.
 */
public final class DiskCheck {
    private static final EventKind START = EventKind.named("diskcheck.start");
    private static final EventKind NEXT = EventKind.named("diskcheck.next");
    private static final String DEVICE = "check";

    /**
     * @param disk            the device under test
     * @param neighbours      background workloads on the same device
     * @param seed            root seed of the check's simulation
     * @param blockBytes      fio {@code --bs}; etcd's recipe: 2300
     * @param sizeBytes       fio {@code --size}; etcd's recipe: 22 MiB
     * @param startAfterNanos when the loop starts (neighbours start at zero), to aim it at a neighbour's burst
     * @param journal         the file system's journal on the device: fio appends, so each fdatasync commits
     *                        the file's new size (ext4 by default, as in the published runs)
     */
    public record Options(DiskSpec disk, List<NeighbourSpec> neighbours, long seed, int blockBytes, long sizeBytes,
            long startAfterNanos, FsJournal.Options journal) {
        public Options {
            neighbours = List.copyOf(neighbours);
        }

        /** The recipe on an ext4 file system (its journal commits each append's new size). */
        public Options(DiskSpec disk, List<NeighbourSpec> neighbours, long seed, int blockBytes, long sizeBytes,
                long startAfterNanos) {
            this(disk, neighbours, seed, blockBytes, sizeBytes, startAfterNanos, FsJournal.Options.ext4());
        }

        /** etcd's recipe on {@code disk} alone, seed 1. */
        public static Options etcdRecipe(DiskSpec disk) {
            return new Options(disk, List.of(), 1, 2300, 22L << 20, 0, FsJournal.Options.ext4());
        }
    }

    private DiskCheck() {
    }

    public static DiskCheckResult run(Options options) {
        Simulation sim = new Simulation();
        Recorder recorder = new Recorder(sim);
        RandomStreams randoms = new RandomStreams(options.seed());
        DiskEnv env = new DiskEnv(sim, randoms, recorder);
        BlockDevice device = new DiskModels(env).createVolume(DEVICE, options.disk(), options.journal());
        for (int i = 0; i < options.neighbours().size(); i++) {
            NeighbourSpec spec = options.neighbours().get(i);
            Neighbours.create(spec.kind() + "-" + i, spec, device, env).start();
        }
        SimFileSystem fs = new SimFileSystem(sim, device, randoms.stream("fs/check"), "fio");
        DataFile file = fs.open("fio-test-file");
        LatencyRecorder latency = recorder.latency(Metric.DISK_CHECK_FDATASYNC.id(DEVICE));
        byte[] block = new byte[options.blockBytes()];
        long iterations = Math.max(1, options.sizeBytes() / options.blockBytes());
        long[] state = new long[2]; // [0] = iterations done, [1] = start time
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            file.append(block, 0, block.length);
            file.sync((IoResult result) -> {
                latency.record(result.latencyNanos());
                if (++state[0] < iterations) {
                    // a new event, as fio's next write(2) is a new syscall; calling sync from inside the
                    // callback would re-enter SimFileSystem.finishSync, which then starts a second,
                    // duplicate sync (reported to the lead as an engine issue)
                    sim.schedule(0, NEXT, 0, next[0]::run);
                } else {
                    sim.stop();
                }
            });
        };
        sim.schedule(options.startAfterNanos(), START, 0, () -> {
            state[1] = sim.nowNanos();
            next[0].run();
        });
        sim.run();
        double seconds = (sim.nowNanos() - state[1]) / 1e9;
        double iops = seconds <= 0 ? 0 : state[0] / seconds;
        long p99 = latency.percentileNanos(99);
        return new DiskCheckResult(state[0], latency.percentileNanos(50), p99, latency.percentileNanos(99.9),
                latency.maxNanos(), latency.meanNanos(), iops, DiskCheckResult.Verdict.of(p99, iops));
    }

    /** The model presets {@link #main} knows, by name, in a fixed order. */
    public static List<String> presetNames() {
        return List.copyOf(presets().keySet());
    }

    /** The default options of a preset model. */
    public static DiskSpec preset(String name) {
        DiskSpec spec = presets().get(name);
        if (spec == null) {
            throw new IllegalArgumentException("unknown model " + name + "; known: " + presetNames());
        }
        return spec;
    }

    private static SortedMap<String, DiskSpec> presets() {
        SortedMap<String, DiskSpec> presets = new TreeMap<>();
        presets.put("ceph-rbd-1000", CephRbdDisk.Options.withIopsLimit(1000));
        presets.put("gp2-300", CloudBlockDisk.Options.gp2(300));
        presets.put("gp3", CloudBlockDisk.Options.gp3());
        presets.put("io2-3000", CloudBlockDisk.Options.io2(3000));
        presets.put("pd-ssd-250", CloudBlockDisk.Options.pdSsd(250));
        presets.put("hdd", HddDisk.Options.defaults());
        presets.put("nvme", NvmeDisk.Options.defaults(true));
        presets.put("nvme-no-plp", NvmeDisk.Options.defaults(false));
        presets.put("raid5-hdd", Raid5Disk.Options.defaults());
        presets.put("sata-ssd", SataSsdDisk.Options.defaults());
        return presets;
    }

    /** {@code disk-check [model...]}: runs etcd's recipe on each preset (all of them if none is named). */
    public static void main(String[] args) {
        List<String> models = args.length == 0 ? presetNames() : List.of(args);
        List<String> lines = new ArrayList<>();
        for (String model : models) {
            lines.add("== " + model + " (etcd fio recipe: --rw=write --ioengine=sync --fdatasync=1 --bs=2300 --size=22m)\n");
            lines.add(run(Options.etcdRecipe(preset(model))).render());
        }
        // the command line is the edge of the simulation: printing here is the point
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        lines.forEach(out::print);
        out.flush();
    }
}
