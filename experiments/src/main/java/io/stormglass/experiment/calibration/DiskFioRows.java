package io.stormglass.experiment.calibration;

import io.stormglass.disk.fio.DiskCheck;
import io.stormglass.disk.fio.DiskCheckResult;
import io.stormglass.disk.model.CloudBlockDisk;
import io.stormglass.disk.model.DiskSpec;
import io.stormglass.disk.model.FsJournal;
import io.stormglass.disk.model.HddDisk;
import io.stormglass.disk.model.NvmeDisk;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * etcd's fio recipe ({@code fio --rw=write --ioengine=sync --fdatasync=1 --size=22m --bs=2300}, on
 * ext4, so each fdatasync commits the file's new size) on the disk classes with a published run,
 * plus pg_test_fsync's 8 KiB write + fdatasync on a consumer NVMe and on a GCE PD SSD (it rewrites a
 * preallocated file, so no journal commit). Each {@link DiskCheck} takes well under a second.
 */
final class DiskFioRows {
    private static final String GROUP = "disks-fio";
    static final String EBS = "besthub.dev, \"Why upgrading EBS volumes boosted etcd write performance\" (fio output, "
            + "m6i.xlarge, ext4)";
    private static final String FITTED = "; fitted: the model's round trip is derived from this run's mean and sd";
    private static final String IOPS_WHY = "±30 %: fio's IOPS is its status line, and fio's own time between syscalls "
            + "is not simulated";
    private static final String ETCD_HW = "etcd docs, op-guide/hardware.md, Disks: \"Typically 50 sequential IOPS "
            + "(e.g., a 7200 RPM disk) is required\"";
    private static final String PD = "Server Fault, \"Slow fsync with Google Cloud local SSD (Postgresql)\" "
            + "(https://rvso.com/archives/667947): pg_test_fsync on a GCE PD SSD, XFS: fdatasync 1561.5 ops/s, 640 µs/op";
    private static final String TANEL = "Tanel Poder, \"Using Postgres pg_test_fsync tool for testing low latency "
            + "writes\" (2025), Samsung 990 Pro, XFS: fdatasync 608.6 ops/s, 1643 µs/op";

    private DiskFioRows() {
    }

    static List<CalibrationRow> rows(Consumer<String> progress) {
        List<CalibrationRow> rows = new ArrayList<>();
        DiskCheckResult gp3 = recipe(CloudBlockDisk.Options.gp3());
        rows.add(row("gp3 (3000 IOPS), etcd fio recipe", "mean fdatasync", "ms", 0.700, gp3.meanNanos() / 1e6, 0.15,
                EBS + FITTED));
        rows.add(row("gp3 (3000 IOPS), etcd fio recipe", "IOPS", "IOPS", 1105, gp3.iops(), 0.30, EBS + "; " + IOPS_WHY));
        DiskCheckResult gp2 = recipe(CloudBlockDisk.Options.gp2(300));
        rows.add(row("gp2 300 GiB, etcd fio recipe", "mean fdatasync", "ms", 1.4225, gp2.meanNanos() / 1e6, 0.15,
                EBS + FITTED));
        rows.add(row("gp2 300 GiB, etcd fio recipe", "p99 fdatasync", "ms", 2.671, gp2.p99Nanos() / 1e6, 0.50,
                EBS + "; not used in the fit; ±50 %: one run's p99, whose tail a log-normal fitted to its sd overstates"));
        rows.add(row("gp2 300 GiB, etcd fio recipe", "IOPS", "IOPS", 709, gp2.iops(), 0.30, EBS + "; " + IOPS_WHY));
        progress.accept("EBS gp3 and gp2 fio rows done");
        DiskCheckResult io2 = recipe(CloudBlockDisk.Options.io2(3000));
        rows.add(new CalibrationRow(GROUP, "io2 Block Express (3000 IOPS), etcd fio recipe", "mean fdatasync (2 I/Os)",
                "ms", Double.NaN, io2.meanNanos() / 1e6, Tolerance.atMost(1.0),
                "AWS, Amazon EBS User Guide, \"Amazon EBS optimization\": io2 Block Express average latency under "
                        + "500 µs per 16 KiB I/O; an fdatasync here is two I/Os"));
        DiskCheckResult hdd = recipe(HddDisk.Options.defaults());
        rows.add(new CalibrationRow(GROUP, "7200 rpm HDD, etcd fio recipe", "IOPS", "IOPS", 50, hdd.iops(),
                Tolerance.between(25, 100), ETCD_HW + "; 0.5×–2×: a rounded rule of thumb for a class of disk"));
        rows.add(new CalibrationRow(GROUP, "7200 rpm HDD, etcd fio recipe", "mean fdatasync", "ms", 10,
                hdd.meanNanos() / 1e6, Tolerance.between(5, 20),
                "seed 001: \"HDD fdatasync ~10 ms\"; 0.5×–2×: a rounded figure for a class of disk"));
        DiskCheckResult nvme = DiskCheck.run(new DiskCheck.Options(NvmeDisk.Options.defaults(false), List.of(), 1, 8192,
                40L << 20, 0, FsJournal.Options.none()));
        rows.add(row("consumer NVMe without PLP, 8 KiB write + fdatasync (pg_test_fsync)", "mean fdatasync", "ms", 1.643,
                nvme.meanNanos() / 1e6, 0.25, TANEL + "; ±25 %: one run on one drive"));
        rows.add(row("consumer NVMe without PLP, 8 KiB write + fdatasync (pg_test_fsync)", "IOPS", "IOPS", 608.6,
                nvme.iops(), 0.25, TANEL + "; ±25 %: one run on one drive"));
        DiskCheckResult pd = DiskCheck.run(new DiskCheck.Options(CloudBlockDisk.Options.pdSsd(250), List.of(), 1, 8192,
                40L << 20, 0, FsJournal.Options.none()));
        rows.add(row("GCE PD SSD 250 GiB, 8 KiB write + fdatasync (pg_test_fsync)", "mean fdatasync", "ms", 0.640,
                pd.meanNanos() / 1e6, 0.15, PD + FITTED));
        rows.add(row("GCE PD SSD 250 GiB, 8 KiB write + fdatasync (pg_test_fsync)", "IOPS", "IOPS", 1561.5, pd.iops(),
                0.25, PD + "; ±25 %: one run on one volume"));
        progress.accept("io2, HDD, NVMe and PD SSD fio rows done");
        return rows;
    }

    private static DiskCheckResult recipe(DiskSpec disk) {
        return DiskCheck.run(DiskCheck.Options.etcdRecipe(disk));
    }

    private static CalibrationRow row(String experiment, String quantity, String unit, double published,
            double simulated, double fraction, String source) {
        return new CalibrationRow(GROUP, experiment, quantity, unit, published, simulated,
                Tolerance.relative(published, fraction), source);
    }
}
